package gpuroi.workbook;

import gpuroi.model.Quantities.Per;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit a header names for its column of amounts ("Other opex per GPU-year", "Electricity (¢/kWh)", "Capex per GPU
 * ($k)"), held to the unit gpu-roi reads the column in. The header matcher drops units to recognise a column, so without
 * this a column of yearly figures under a per-year header was read as monthly, and one in cents or thousands as whole
 * currency units.
 *
 * <p>Only what names a unit is read: a bracket holding a currency mark, a slash or nothing but unit words ("($/GPU-hr)",
 * "(annual)", "(in $k)"), and what follows "per" or a slash outside brackets ("per GPU-year", "$/kWh"). A bracket that is
 * a comment ("(1-yr contract)", "(incl. networking)") and words before the unit ("Reserved 1-yr") are not.
 */
final class HeaderUnits {
    private HeaderUnits() {
    }

    private static final Pattern BRACKET = Pattern.compile("\\(([^)]*)\\)|\\[([^]]*)]|\\{([^}]*)}");
    private static final Pattern AFTER_PER = Pattern.compile("(?:\\bper\\b|/)(.*)$");
    private static final Pattern WORD = Pattern.compile("[a-z0-9¢$€£¥']+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern CURRENCY = Pattern.compile("[$€£¥¢]|\\b(?:usd|eur|gbp|chf|jpy|cny)\\b");

    private static final Set<String> HOUR = Set.of("h", "hr", "hrs", "hour", "hours", "hourly");
    private static final Set<String> MONTH = Set.of("mo", "mos", "month", "months", "monthly");
    private static final Set<String> YEAR = Set.of("yr", "yrs", "year", "years", "annual", "annually", "yearly", "pa");
    private static final Set<String> DAY = Set.of("day", "days", "daily");
    private static final Set<String> WEEK = Set.of("wk", "wks", "week", "weeks", "weekly");
    private static final Set<String> THOUSANDS = Set.of("k", "$k", "k$", "000", "'000", "000s", "thousand", "thousands", "kusd");
    private static final Set<String> MILLIONS = Set.of("m", "$m", "m$", "mm", "$mm", "mn", "$mn", "million", "millions", "musd");
    private static final Set<String> CENTS = Set.of("¢", "c", "cent", "cents");
    private static final Set<String> OTHER_ENERGY = Set.of("mwh", "wh", "gwh");
    /** Words a bracket of nothing but a unit may also hold: "(per GPU, monthly)", "(in $k)". */
    private static final Set<String> FILLER = Set.of("per", "in", "a", "an", "the", "gpu", "gpus", "each", "usd", "eur", "gbp",
            "$", "€", "£", "kwh", "kw");

    /** What the header says that contradicts {@code per} ("per year", "in thousands", "in cents", "per MWh"), if anything. */
    static Optional<String> contradiction(String header, Per per) {
        List<String> words = unitWords(header);
        for (int i = 0; i < words.size(); i++) {
            // A number before a time word makes it a duration ("1-yr reserved", "36 months"), not what a figure is per.
            if (i > 0 && NUMBER.matcher(words.get(i - 1)).matches() && isTimeWord(words.get(i))) {
                continue;
            }
            Optional<String> says = says(words.get(i), per);
            if (says.isPresent()) {
                return says;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> says(String word, Per per) {
        if (THOUSANDS.contains(word)) {
            return Optional.of("in thousands");
        }
        if (MILLIONS.contains(word)) {
            return Optional.of("in millions");
        }
        if (CENTS.contains(word)) {
            return Optional.of("in cents");
        }
        if (OTHER_ENERGY.contains(word)) {
            return Optional.of("per " + word.substring(0, word.length() - 2).toUpperCase(Locale.ROOT) + "Wh");
        }
        if (HOUR.contains(word) && per != Per.GPU_HOUR) {
            return Optional.of("per hour");
        }
        if (MONTH.contains(word) && per != Per.GPU_MONTH) {
            return Optional.of("per month");
        }
        if (YEAR.contains(word) && per != Per.YEAR) {
            return Optional.of("per year");
        }
        if (DAY.contains(word)) {
            return Optional.of("per day");
        }
        if (WEEK.contains(word)) {
            return Optional.of("per week");
        }
        return Optional.empty();
    }

    /** The words of the parts of a header that name its unit. */
    private static List<String> unitWords(String header) {
        String h = header.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> words = new ArrayList<>();
        Matcher bracket = BRACKET.matcher(h);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (bracket.find()) {
            outside.append(h, last, bracket.start()).append(' ');
            last = bracket.end();
            String inside = bracket.group(1) != null ? bracket.group(1) : bracket.group(2) != null ? bracket.group(2) : bracket.group(3);
            List<String> insideWords = words(inside);
            if (inside.contains("/") || CURRENCY.matcher(inside).find() || insideWords.stream().allMatch(HeaderUnits::isUnitWord)) {
                words.addAll(insideWords);
            }
        }
        outside.append(h.substring(last));
        Matcher afterPer = AFTER_PER.matcher(outside);
        if (afterPer.find()) {
            words.addAll(words(afterPer.group(1)));
        }
        return words;
    }

    private static boolean isTimeWord(String w) {
        return HOUR.contains(w) || MONTH.contains(w) || YEAR.contains(w) || DAY.contains(w) || WEEK.contains(w);
    }

    private static boolean isUnitWord(String w) {
        return FILLER.contains(w) || HOUR.contains(w) || MONTH.contains(w) || YEAR.contains(w) || DAY.contains(w) || WEEK.contains(w)
                || THOUSANDS.contains(w) || MILLIONS.contains(w) || CENTS.contains(w) || OTHER_ENERGY.contains(w);
    }

    /** "$/GPU-hr" → [$, gpu, hr]; "$k" stays one word, as does "¢". */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            // A currency mark before a word is its own word ("$/kWh" → $, kwh), unless it makes a scale ("$k", "$mm").
            if (w.length() > 1 && (w.startsWith("$") || w.startsWith("€") || w.startsWith("£")) && !THOUSANDS.contains(w)
                    && !MILLIONS.contains(w)) {
                words.add(w.substring(0, 1));
                w = w.substring(1);
            }
            words.add(w);
        }
        return words;
    }
}
