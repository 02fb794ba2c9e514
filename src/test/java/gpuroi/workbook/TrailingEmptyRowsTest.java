package gpuroi.workbook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows of a sheet's XML are cut as stray formatting, and which are kept byte for byte. */
class TrailingEmptyRowsTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:C9\"/><sheetData>";
    private static final String TAIL = "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

    private static String trimmed(String sheetData) {
        byte[] xml = (HEAD + sheetData + TAIL).getBytes(StandardCharsets.UTF_8);
        return new String(TrailingEmptyRows.withoutTrailingEmptyRows(xml), StandardCharsets.UTF_8);
    }

    @Test
    void styledEmptyRowsBelowTheLastValueAreCutAndWhatFollowsTheDataIsKept() {
        String kept = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f>1+1</f></c></row>";
        String stray = "<row r=\"3\" s=\"1\" customFormat=\"1\"><c r=\"A3\" s=\"1\"/></row><row r=\"1048576\"><c r=\"B1048576\" s=\"1\"/></row>";

        assertThat(trimmed(kept + stray)).isEqualTo(HEAD + kept + TAIL);
    }

    @Test
    void styledEmptyRowsBetweenValuesAndTextInOtherScriptsAreKeptByteForByte() {
        String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Clúster ✓</t></is></c></row>"
                + "<row r=\"2\" s=\"1\" customFormat=\"1\"><c r=\"A2\" s=\"1\"/></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>8</v></c></row>";

        assertThat(trimmed(data)).isEqualTo(HEAD + data + TAIL);
        assertThat(trimmed(data + "<row r=\"4\"><c r=\"A4\" s=\"1\"/></row>")).isEqualTo(HEAD + data + TAIL);
    }

    @Test
    void aSheetWithOnlyFormattingKeepsItsStructureWithoutRows() {
        assertThat(trimmed("<row r=\"1\"><c r=\"A1\" s=\"1\"/></row><row r=\"2\" s=\"1\" customFormat=\"1\"/>"))
                .isEqualTo(HEAD + TAIL);
    }

    @Test
    void aSheetWithoutATailIsReturnedAsTheSameArray() {
        byte[] xml = (HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + TAIL).getBytes(StandardCharsets.UTF_8);
        assertThat(TrailingEmptyRows.withoutTrailingEmptyRows(xml)).isSameAs(xml);
        byte[] empty = (HEAD.replace("<sheetData>", "<sheetData/>") + "</worksheet>").getBytes(StandardCharsets.UTF_8);
        assertThat(TrailingEmptyRows.withoutTrailingEmptyRows(empty)).isSameAs(empty);
    }
}
