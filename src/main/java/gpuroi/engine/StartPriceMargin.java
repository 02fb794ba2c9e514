package gpuroi.engine;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How far the assumed start price is from the break-even start price, as the two shares a reader checks with one
 * division: how far today's price could fall before the hurdle is missed, or how much more the market would have
 * to pay for it to be met.
 *
 * @param startPricePerGpuHour     the assumed start price, &gt; 0
 * @param breakEvenStartPrice      the start price at which NPV at the hurdle is 0, ≥ 0
 */
public record StartPriceMargin(double startPricePerGpuHour, double breakEvenStartPrice) {

    /** The margin when both prices exist and are positive; empty otherwise (no share of a zero price means anything). */
    public static Optional<StartPriceMargin> of(double startPricePerGpuHour, OptionalDouble breakEvenStartPrice) {
        if (startPricePerGpuHour <= 0 || breakEvenStartPrice.isEmpty() || breakEvenStartPrice.getAsDouble() < 0) {
            return Optional.empty();
        }
        return Optional.of(new StartPriceMargin(startPricePerGpuHour, breakEvenStartPrice.getAsDouble()));
    }

    /** Whether the assumed price is at or above the break-even. */
    public boolean clears() {
        return startPricePerGpuHour >= breakEvenStartPrice;
    }

    /** 1 − break-even / price: the share by which today's price could fall before the hurdle is missed. */
    public double fallAllowed() {
        return 1 - breakEvenStartPrice / startPricePerGpuHour;
    }

    /** break-even / price − 1: the share the market would have to pay above the assumed price to meet the hurdle. */
    public double riseNeeded() {
        return breakEvenStartPrice / startPricePerGpuHour - 1;
    }
}
