package org.openmineral.domain.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A quotational period one party chooses ("declares") among the contract's options by a deadline,
 * e.g. "Buyer to declare M, M+1 or M+2 after the month of arrival, declaration no later than the
 * last business day before the earliest option starts; failing declaration M+1 shall apply".
 *
 * <p>Rules applied:
 *
 * <ul>
 *   <li>only the {@link #declarant()} may declare, only once, on or before the {@link #deadline()},
 *       and only one of the {@link #options()};
 *   <li>once declared, the declared option applies;
 *   <li>not declared and the deadline has passed: the contract's {@link #fallback()} applies;
 *   <li>not declared and still open: the period is not yet determined, {@link
 *       #selection(LocalDate)} says so by throwing {@link QuotationalPeriodException}.
 * </ul>
 *
 * @param declarant the party holding the option
 * @param options the periods the declarant may choose among
 * @param deadline last day a declaration is accepted, inclusive
 * @param fallback the period that applies if no declaration is made by the deadline
 * @param declaration the declaration, once made
 */
public record DeclarableQp(
    Declarant declarant,
    List<QuotationalPeriod> options,
    LocalDate deadline,
    QuotationalPeriod fallback,
    Optional<QpDeclaration> declaration) {

  public DeclarableQp {
    Objects.requireNonNull(declarant, "declarant");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(declaration, "declaration");
    options = List.copyOf(options);
    if (options.size() < 2) {
      throw new QuotationalPeriodException(
          "a declarable quotational period needs at least two options, got " + options);
    }
  }

  /** An option not yet declared. */
  public static DeclarableQp open(
      final Declarant declarant,
      final List<QuotationalPeriod> options,
      final LocalDate deadline,
      final QuotationalPeriod fallback) {
    return new DeclarableQp(declarant, options, deadline, fallback, Optional.empty());
  }

  /**
   * This option with {@code party}'s declaration of {@code choice} made on {@code declaredOn}.
   *
   * @throws QuotationalPeriodException if the party does not hold the option, has already declared,
   *     declares after the deadline or chooses a period that is not an option
   */
  public DeclarableQp declare(
      final Declarant party, final QuotationalPeriod choice, final LocalDate declaredOn) {
    if (party != declarant) {
      throw new QuotationalPeriodException(
          party + " cannot declare the quotational period: the option is the " + declarant + "'s");
    }
    if (declaration.isPresent()) {
      throw new QuotationalPeriodException(
          "the quotational period was already declared as "
              + declaration.get().choice().notation()
              + " on "
              + declaration.get().declaredOn());
    }
    if (declaredOn.isAfter(deadline)) {
      throw new QuotationalPeriodException(
          "declaration on "
              + declaredOn
              + " is after the deadline "
              + deadline
              + "; the fallback "
              + fallback.notation()
              + " applies");
    }
    if (!options.contains(choice)) {
      throw new QuotationalPeriodException(
          choice.notation() + " is not one of the declarable options " + notations());
    }
    return new DeclarableQp(
        declarant,
        options,
        deadline,
        fallback,
        Optional.of(new QpDeclaration(party, choice, declaredOn)));
  }

  /**
   * The period that applies as of {@code asOf}, with the reason.
   *
   * @throws QuotationalPeriodException if nothing is declared yet and the deadline has not passed
   */
  public QpSelection selection(final LocalDate asOf) {
    if (declaration.isPresent()) {
      final QpDeclaration d = declaration.get();
      return new QpSelection(
          d.choice(),
          "declared by " + d.declaredBy() + " on " + d.declaredOn() + " among " + notations());
    }
    if (asOf.isAfter(deadline)) {
      return new QpSelection(
          fallback,
          "not declared by the deadline "
              + deadline
              + "; contract fallback "
              + fallback.notation()
              + " applies");
    }
    throw new QuotationalPeriodException(
        "quotational period not yet declared: "
            + declarant
            + " may declare one of "
            + notations()
            + " until "
            + deadline);
  }

  private List<String> notations() {
    return options.stream().map(QuotationalPeriod::notation).toList();
  }
}
