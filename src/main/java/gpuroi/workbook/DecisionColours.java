package gpuroi.workbook;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Decision cells coloured by conditional formats (so a user's edit recolours): staying put green,
 * a cheaper change amber, getting out red. Excel applies at most three rules per range, hence pairs.
 */
final class DecisionColours {
    private DecisionColours() {
    }

    static void apply(Sheet sheet, CellRangeAddress range, String green, String amber, String red) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] regions = {range};
        formatting.addConditionalFormatting(regions, new ConditionalFormattingRule[] {
            rule(formatting, green, IndexedColors.LIGHT_GREEN, IndexedColors.DARK_GREEN),
            rule(formatting, amber, IndexedColors.LIGHT_ORANGE, IndexedColors.BROWN),
        });
        formatting.addConditionalFormatting(regions, new ConditionalFormattingRule[] {
            rule(formatting, red, IndexedColors.CORAL, IndexedColors.DARK_RED),
        });
    }

    /** Cells equal to {@code value}: filled with {@code fill}, in bold {@code font}. */
    static ConditionalFormattingRule rule(SheetConditionalFormatting formatting, String value,
                                                  IndexedColors fill, IndexedColors font) {
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"" + value + "\"");
        PatternFormatting pattern = rule.createPatternFormatting();
        pattern.setFillBackgroundColor(fill.getIndex());
        pattern.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting fontFormatting = rule.createFontFormatting();
        fontFormatting.setFontColorIndex(font.getIndex());
        fontFormatting.setFontStyle(false, true);
        return rule;
    }
}
