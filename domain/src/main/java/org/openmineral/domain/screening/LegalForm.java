package org.openmineral.domain.screening;

import java.util.Arrays;
import java.util.List;

/**
 * Company legal forms, grouped into classes whose members say the same thing in different languages
 * or spellings: {@code LLC} = {@code OOO} = {@code LIMITED LIABILITY COMPANY} = {@code OBSHCHESTVO
 * S OGRANICHENNOY OTVETSTVENNOSTYU} = {@code GMBH}; {@code JSC} = {@code AO} = {@code PAO} = {@code
 * PJSC} = {@code AG} = {@code SA}; and so on. The phrases are written as {@link NameNormaliser}
 * leaves them: upper case, no punctuation, single spaces.
 *
 * <p>Screening drops legal forms from the name before fuzzy matching (they say little about which
 * company it is) and only notes, in the reason, when both sides name one.
 */
public enum LegalForm {
  LIMITED_LIABILITY(
      "LLC",
      "L L C",
      "OOO",
      "TOO",
      "MCHJ",
      "LIMITED LIABILITY COMPANY",
      "LIMITED LIABILITY CO",
      "LIMITED LIABILITY PARTNERSHIP",
      "LLP",
      "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU",
      "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
      "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTIYU",
      "GMBH",
      "SRL",
      "SARL",
      "S DE RL",
      "S DE RL DE CV",
      "SP Z O O",
      "SP ZOO",
      "FZE",
      "FZCO",
      "FZC",
      "FZ LLC"),
  JOINT_STOCK(
      "JSC",
      "OJSC",
      "CJSC",
      "PJSC",
      "AO",
      "OAO",
      "ZAO",
      "PAO",
      "JOINT STOCK COMPANY",
      "OPEN JOINT STOCK COMPANY",
      "CLOSED JOINT STOCK COMPANY",
      "PUBLIC JOINT STOCK COMPANY",
      "NON PUBLIC JOINT STOCK COMPANY",
      "JOINT STOCK CO",
      "AKTSIONERNOE OBSHCHESTVO",
      "AKTSIONERNOYE OBSHCHESTVO",
      "OTKRYTOE AKTSIONERNOE OBSHCHESTVO",
      "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO",
      "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO",
      "AG",
      "SA",
      "S A",
      "SAS",
      "SA DE CV",
      "SAPI DE CV",
      "SPA",
      "NV",
      "PLC",
      "PUBLIC LIMITED COMPANY",
      "AS",
      "ASA",
      "AB"),
  LIMITED(
      "LTD",
      "LIMITED",
      "LTDA",
      "PTE",
      "PTE LTD",
      "PVT",
      "PVT LTD",
      "PRIVATE LIMITED",
      "PRIVATE LIMITED COMPANY",
      "PTY",
      "PTY LTD",
      "BV",
      "BHD",
      "SDN BHD"),
  CORPORATION("CORP", "CORPORATION", "INC", "INCORPORATED"),
  COMPANY("CO", "COMPANY", "CIA", "COMPANIA", "KG", "OHG");

  private final List<List<String>> phrases;

  LegalForm(final String... phrases) {
    this.phrases = Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
  }

  /** The spellings of this form, each as its tokens. */
  List<List<String>> phrases() {
    return phrases;
  }
}
