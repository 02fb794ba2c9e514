package gpuroi.engine;

import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.PricePath;
import gpuroi.model.RiskRange;
import gpuroi.model.RiskSettings;
import gpuroi.model.UncertainInput;

import java.util.EnumMap;
import java.util.Map;

/**
 * A workbook's low / high ranges (the Risk sheet) as the tornado's ranges for one cluster: each in the
 * input's own unit, a range given as a share of the cluster's own value multiplied out. The annual
 * price decline only moves a cluster whose price path is a geometric decline (as {@link Tornado} requires),
 * so it is left out for the others.
 */
public final class TornadoRanges {
    private TornadoRanges() {
    }

    public static Map<Tornado.Input, Tornado.Range> of(RiskSettings settings, Cluster cluster, Assumptions assumptions) {
        Map<Tornado.Input, Tornado.Range> ranges = new EnumMap<>(Tornado.Input.class);
        for (RiskRange range : settings.ranges().values()) {
            Tornado.Input input = tornadoInput(range.input());
            if (input == Tornado.Input.ANNUAL_PRICE_DECLINE && !(cluster.pricePath().orElse(null) instanceof PricePath.AnnualDecline)) {
                continue;
            }
            var absolute = range.absolute(Tornado.base(cluster, assumptions, input));
            ranges.put(input, new Tornado.Range(absolute.low(), absolute.high()));
        }
        return ranges;
    }

    static Tornado.Input tornadoInput(UncertainInput input) {
        return switch (input) {
            case ANNUAL_PRICE_DECLINE -> Tornado.Input.ANNUAL_PRICE_DECLINE;
            case START_PRICE -> Tornado.Input.START_PRICE_PER_GPU_HOUR;
            case UTILIZATION -> Tornado.Input.UTILIZATION;
            case CAPEX_PER_GPU -> Tornado.Input.CAPEX_PER_GPU;
            case ELECTRICITY_PRICE -> Tornado.Input.ELECTRICITY_PER_KWH;
            case OTHER_OPEX -> Tornado.Input.OTHER_OPEX_PER_GPU_MONTH;
            case RESIDUAL_VALUE -> Tornado.Input.RESIDUAL_SHARE;
            case HURDLE_RATE -> Tornado.Input.HURDLE_RATE;
        };
    }
}
