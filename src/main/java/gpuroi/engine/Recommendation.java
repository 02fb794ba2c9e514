package gpuroi.engine;

/**
 * A decision with the one-line reason an analyst would write beside it.
 *
 * @param decision what to do
 * @param reason   the numbers behind it and the break-even that would flip it
 */
public record Recommendation(Decision decision, String reason) {
}
