package dev.oponn.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cell rule of the CSV export, for every character a spreadsheet reads as the start of a formula. */
class ResultsExportTests {

    @Test
    void aCellThatStartsAFormulaGetsALeadingApostropheAndNoOtherCellChanges() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(ResultsExport.neutralised(formula)).isEqualTo("'" + formula);
        }
        for (String plain : new String[] {"", "pizza", " =not first", "1-2", "'quoted", "é=mc²"}) {
            assertThat(ResultsExport.neutralised(plain)).isEqualTo(plain);
        }
    }

    @Test
    void sharesAreRoundedToOneDecimalPlace() {
        assertThat(ResultsExport.share(1, 3)).isEqualTo(33.3);
        assertThat(ResultsExport.share(2, 3)).isEqualTo(66.7);
        assertThat(ResultsExport.share(0, 0)).isZero();
        assertThat(ResultsExport.percent(ResultsExport.share(7, 20))).isEqualTo("35.0");
    }
}
