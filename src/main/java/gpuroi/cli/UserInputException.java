package gpuroi.cli;

import java.util.List;

/** Problems in what the user typed: printed one per line, exit code 2. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
    }
}
