package gpuroi.report;

/** A memo template is missing or broken; the message names the template and, where known, the line. */
public class MemoTemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    public MemoTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
