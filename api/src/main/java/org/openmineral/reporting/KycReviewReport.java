package org.openmineral.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * KYC at a glance: counterparties by KYC status and risk rating, and the periodic reviews due
 * within a window (the onboarding process re-screens on the next review date; overdue reviews are
 * those whose date has passed).
 */
@Component
class KycReviewReport {
  private final JdbcTemplate jdbc;

  KycReviewReport(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Review(
      String counterpartyId,
      String name,
      String country,
      String kycStatus,
      String riskRating,
      LocalDate nextReviewDate,
      long daysUntilReview,
      boolean overdue) {}

  record Report(
      LocalDate asOf,
      int withinDays,
      Map<String, Integer> byStatus,
      Map<String, Integer> byRiskRating,
      List<Review> reviewsDue) {}

  Report report(final LocalDate asOf, final int withinDays) {
    final Map<String, Integer> byStatus = new LinkedHashMap<>();
    jdbc.query(
        "select kyc_status, count(*) as n from counterparty group by kyc_status order by kyc_status",
        rs -> {
          byStatus.put(rs.getString("kyc_status"), rs.getInt("n"));
        });
    final Map<String, Integer> byRating = new LinkedHashMap<>();
    jdbc.query(
        """
        select coalesce(risk_rating, 'UNRATED') as rating, count(*) as n from counterparty
         group by 1 order by 1
        """,
        rs -> {
          byRating.put(rs.getString("rating"), rs.getInt("n"));
        });
    final List<Review> due = new ArrayList<>();
    jdbc.query(
        """
        select id, name, country, kyc_status, risk_rating, next_review_date from counterparty
         where next_review_date is not null and next_review_date <= ?
           and kyc_status not in ('REJECTED', 'OFFBOARDED')
         order by next_review_date, name, id
        """,
        rs -> {
          final LocalDate date = rs.getObject("next_review_date", LocalDate.class);
          final long days = java.time.temporal.ChronoUnit.DAYS.between(asOf, date);
          due.add(
              new Review(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("country"),
                  rs.getString("kyc_status"),
                  rs.getString("risk_rating"),
                  date,
                  days,
                  days < 0));
        },
        asOf.plusDays(withinDays));
    return new Report(asOf, withinDays, byStatus, byRating, List.copyOf(due));
  }
}
