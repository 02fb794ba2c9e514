package gpuroi.workbook;

/**
 * Something the reader wants the user to know about a value it used: a default applied, a value
 * taken from the built-in GPU catalog, or a warning about how a cell was read; or a cluster or contract
 * whose memo the run left out.
 *
 * @param kind     what sort of note
 * @param location where it applies: a cell such as {@code Fleet!D7}, a cluster id, or a sheet
 * @param message  what was done, in words, with the value used
 */
public record InputNote(Kind kind, String location, String message) {
    public enum Kind {
        DEFAULT, CATALOG, WARNING, MEMO_NOT_RENDERED
    }
}
