package gpuroi.report;

import gpuroi.model.Assumptions;
import gpuroi.model.Formats;

import java.util.LinkedHashMap;
import java.util.Map;

/** The title-block fields every memo shares. */
final class MemoCommon {
    private MemoCommon() {
    }

    static Map<String, Object> header(Assumptions assumptions, MemoContext context, Paper paper) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("paper", paper.cssSize());
        model.put("valuationDate", assumptions.valuationDate().toString());
        model.put("currency", assumptions.currency());
        model.put("hurdleRate", Formats.percent(assumptions.hurdleRate(), 1));
        model.put("discountRate", Formats.percent(assumptions.discountRate(), 1));
        model.put("sourceFile", context.inputFileName());
        model.put("sourceSha256", context.inputSha256());
        model.put("toolVersion", context.toolVersion());
        model.put("author", author(context));
        return model;
    }

    static String author(MemoContext context) {
        return "gpu-roi " + context.toolVersion();
    }
}
