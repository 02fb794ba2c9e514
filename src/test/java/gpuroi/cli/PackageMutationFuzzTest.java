package gpuroi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gpuroi.testing.ZipParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever happens to a workbook's package (bytes flipped, the file cut short, a part's
 * XML rewritten with cell types, shared-text indexes, row numbers and references no spreadsheet
 * writes, parts or relationships gone), {@code gpuroi convert} ends within a time limit either with
 * exit 0 and finite figures, or with exit 2 and a message naming the file and the part, sheet or
 * cell at fault, and no output left behind. Never exit 3, never a raw library message, never a hang.
 * Mutants come from a seeded generator over the samples and two files written by other programs;
 * a failure prints the seed and the mutation, so that it can be replayed.
 */
class PackageMutationFuzzTest {
    private static final long SEED = 20_261_207L;
    private static final int MUTANTS = 200;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final List<Path> BASES = List.of(Path.of("samples/mixed-fleet.xlsx"), Path.of("samples/article-h100.xlsx"),
            Path.of("samples/messy-fleet.xlsx"), Path.of("src/test/resources/foreign/sheets-pandas.xlsx"),
            Path.of("src/test/resources/foreign/formulas-libreoffice.xlsx"));
    /** Where a refusal points: a part of the package, a cell such as Fleet!E5, a sheet, or the whole file's zip. */
    private static final Pattern NAMED = Pattern.compile("\\S+\\.(xml|rels)\\b|![A-Z]+\\d+|sheet \\S+|zip directory cannot be read"
            + "|not an Excel workbook");

    @TempDir
    Path dir;

    @Test
    void everyDamagedPackageConvertsToFiniteFiguresOrIsRefusedByNameWithinTheTimeLimit() throws Exception {
        List<ZipParts> bases = new ArrayList<>();
        for (Path base : BASES) {
            bases.add(ZipParts.of(base));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < MUTANTS; i++) {
            long seed = SEED + i;
            Mutant mutant = Mutant.of(new SplittableRandom(seed), bases);
            try {
                outcomes.merge(check(mutant, i), 1, Integer::sum);
            } catch (AssertionError e) {
                failures.add("seed " + seed + " (" + mutant.what + "): " + e.getMessage());
            }
        }
        System.out.printf("PackageMutationFuzzTest: %d mutants (seeds %d..%d) in %.1f s: %s%n", MUTANTS, SEED, SEED + MUTANTS - 1,
                (System.nanoTime() - started) / 1e9, outcomes);
        assertThat(failures).as("%d of %d mutants broke the property; the first ones:%n%s", failures.size(), MUTANTS,
                String.join("\n----\n", failures.subList(0, Math.min(8, failures.size())))).isEmpty();
        // Both sides must be exercised, or the generator has drifted into only breaking or only sparing files.
        assertThat(outcomes.getOrDefault("exit 0", 0)).isGreaterThan(MUTANTS / 20);
        assertThat(outcomes.getOrDefault("exit 2", 0)).isGreaterThan(MUTANTS / 2);
    }

    /** Converts one mutant in a folder of its own; returns "exit 0" or "exit 2". */
    private String check(Mutant mutant, int i) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("m" + i));
        Path input = Files.write(folder.resolve("fleet.xlsx"), mutant.bytes);
        Path output = folder.resolve("fleet.roi.xlsx");
        CliRun run = assertTimeoutPreemptively(LIMIT, () -> CliRun.of("convert", "--no-memos", "--runs", "0",
                "--valuation-date", "2026-01-01", input.toString(), "-o", output.toString()), "convert did not end");
        String shown = "exit " + run.exitCode() + "\n" + run.err() + run.out();
        assertThat(run.exitCode()).as(shown).isIn(0, 2);
        assertThat(shown).as(shown).doesNotContain("Exception").doesNotContain("internal error").doesNotContain("\tat ")
                .doesNotContain("enumeration value").doesNotContain("may not be negative");
        if (run.exitCode() == 0) {
            assertThat(output).as(shown).isRegularFile();
            assertThat(run.out()).as(shown).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("∞");
        } else {
            assertThat(run.err()).as(shown).contains("fleet.xlsx");
            assertThat(NAMED.matcher(run.err()).find()).as("names a part, sheet or cell: %s", shown).isTrue();
            assertThat(TestFiles.namesIn(folder)).as(shown).containsExactly("fleet.xlsx");
        }
        return "exit " + run.exitCode();
    }

    /** One damaged package and what was done to it. */
    private record Mutant(byte[] bytes, String what) {
        private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"[^>]*?(/>|>.*?</c>)");
        private static final Pattern ROW = Pattern.compile("<row r=\"(\\d+)\"");

        static Mutant of(SplittableRandom random, List<ZipParts> bases) throws IOException {
            int b = random.nextInt(bases.size());
            ZipParts base = bases.get(b);
            String from = BASES.get(b).getFileName().toString();
            int kind = random.nextInt(14);
            if (kind == 0) {
                byte[] bytes = base.bytes(random.nextBoolean());
                StringBuilder what = new StringBuilder(from + ": bytes flipped at");
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    what.append(' ').append(at);
                }
                return new Mutant(bytes, what.toString());
            }
            if (kind == 1) {
                byte[] bytes = base.bytes(random.nextBoolean());
                int length = random.nextInt(bytes.length);
                return new Mutant(Arrays.copyOf(bytes, length), from + ": cut to " + length + " of " + bytes.length + " bytes");
            }
            List<String> sheets = base.parts().keySet().stream().filter(p -> p.startsWith("xl/worksheets/") && p.endsWith(".xml"))
                    .toList();
            String sheet = sheets.get(random.nextInt(sheets.size()));
            List<String> parts = List.copyOf(base.parts().keySet());
            String part = parts.get(random.nextInt(parts.size()));
            return switch (kind) {
                case 2 -> cell(random, base, from, sheet, "t", pick(random, "zz", "s", "e", "b", "n", "str", "inlineStr", "d", ""));
                case 3 -> sharedText(random, base, from, sheet);
                case 4 -> rowNumber(random, base, from, sheet);
                case 5 -> cellReference(random, base, from, sheet);
                case 6 -> cellXml(random, base, from, sheet, pick(random, "<v>#BOGUS!</v>", "", "<v></v>", "<v>#N/A</v>", "<v>#SPILL!</v>"),
                        " t=\"e\"");
                case 7 -> cellXml(random, base, from, sheet, pick(random, "<v>NaN</v>", "<v>1e309</v>", "<v>abc</v>", "<v></v>",
                        "<v>-0</v>", "<v>99999999999999999999</v>", "<is><t>x</t></is>"), pick(random, "", " t=\"n\"", " t=\"b\""));
                case 8 -> new Mutant(base.without(part).bytes(false), from + ": without " + part);
                case 9 -> relationship(random, base, from);
                case 10 -> cellXml(random, base, from, sheet, "<v>1</v>", " s=\"" + pick(random, "9999", "-1", "x") + "\"");
                case 11 -> sharedTable(random, base, from);
                case 12 -> text(random, base, from, part);
                default -> cellXml(random, base, from, sheet, pick(random, "<f>1/0</f>", "<f>SUM(</f><v>3</v>", "<f>A1</f>",
                        "<f>INDIRECT(\"A\"&amp;ROW())</f>", "<f t=\"shared\" si=\"99\"/>"), "");
            };
        }

        private static String pick(SplittableRandom random, String... choices) {
            return choices[random.nextInt(choices.length)];
        }

        /** A random cell of the sheet: its match, or null when the sheet has none. */
        private static Matcher randomCell(SplittableRandom random, String xml) {
            List<int[]> found = new ArrayList<>();
            Matcher m = CELL.matcher(xml);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
            if (found.isEmpty()) {
                return null;
            }
            int[] at = found.get(random.nextInt(found.size()));
            Matcher one = CELL.matcher(xml);
            one.find(at[0]);
            return one;
        }

        /** Sets an attribute of a random cell (replacing it when present). */
        private static Mutant cell(SplittableRandom random, ZipParts base, String from, String sheet, String attribute, String value)
                throws IOException {
            String[] what = {from + ": " + sheet + " unchanged"};
            ZipParts changed = base.withText(sheet, xml -> {
                Matcher m = randomCell(random, xml);
                if (m == null) {
                    return xml;
                }
                String element = m.group().replaceFirst(" " + attribute + "=\"[^\"]*\"", "");
                String changedElement = element.replaceFirst("<c r=\"([A-Z]+\\d+)\"", "<c r=\"$1\" " + attribute + "=\"" + value + "\"");
                what[0] = from + ": " + sheet + " " + m.group(1) + m.group(2) + " " + attribute + "=\"" + value + "\"";
                return xml.substring(0, m.start()) + changedElement + xml.substring(m.end());
            });
            return new Mutant(changed.bytes(false), what[0]);
        }

        /** Replaces a random cell's content (and adds attributes). */
        private static Mutant cellXml(SplittableRandom random, ZipParts base, String from, String sheet, String content, String attributes)
                throws IOException {
            String[] what = {from + ": " + sheet + " unchanged"};
            ZipParts changed = base.withText(sheet, xml -> {
                Matcher m = randomCell(random, xml);
                if (m == null) {
                    return xml;
                }
                String ref = m.group(1) + m.group(2);
                what[0] = from + ": " + sheet + " " + ref + " rewritten as" + attributes + " " + content;
                return xml.substring(0, m.start()) + "<c r=\"" + ref + "\"" + attributes + ">" + content + "</c>" + xml.substring(m.end());
            });
            return new Mutant(changed.bytes(false), what[0]);
        }

        private static Mutant sharedText(SplittableRandom random, ZipParts base, String from, String sheet) throws IOException {
            String index = pick(random, "-1", "x", "", "118", "700", "2147483648", String.valueOf(random.nextInt(200)));
            return cellXml(random, base, from, sheet, "<v>" + index + "</v>", " t=\"s\"");
        }

        private static Mutant rowNumber(SplittableRandom random, ZipParts base, String from, String sheet) throws IOException {
            String number = pick(random, "2147483648", "2147483647", "1048577", "1048576", "0", "-5", "abc", "", "99999999999");
            String[] what = {from + ": " + sheet + " unchanged"};
            ZipParts changed = base.withText(sheet, xml -> {
                List<Integer> rows = new ArrayList<>();
                Matcher m = ROW.matcher(xml);
                while (m.find()) {
                    rows.add(m.start());
                }
                if (rows.isEmpty()) {
                    return xml;
                }
                int at = rows.get(random.nextInt(rows.size()));
                Matcher one = ROW.matcher(xml);
                one.find(at);
                what[0] = from + ": " + sheet + " row " + one.group(1) + " numbered '" + number + "'";
                return xml.substring(0, one.start()) + "<row r=\"" + number + "\"" + xml.substring(one.end());
            });
            return new Mutant(changed.bytes(false), what[0]);
        }

        private static Mutant cellReference(SplittableRandom random, ZipParts base, String from, String sheet) throws IOException {
            String[] what = {from + ": " + sheet + " unchanged"};
            ZipParts changed = base.withText(sheet, xml -> {
                Matcher m = randomCell(random, xml);
                if (m == null) {
                    return xml;
                }
                String ref = pick(random, "A0", "XFE" + m.group(2), "-1", "", "ZZZZZZZ9", m.group(1) + (Long.parseLong(m.group(2)) + 1),
                        "A" + m.group(2), "XFD" + m.group(2), "a" + m.group(2));
                what[0] = from + ": " + sheet + " " + m.group(1) + m.group(2) + " marked '" + ref + "'";
                return xml.substring(0, m.start()) + m.group().replaceFirst("r=\"[A-Z]+\\d+\"", "r=\"" + ref + "\"")
                        + xml.substring(m.end());
            });
            return new Mutant(changed.bytes(false), what[0]);
        }

        private static Mutant relationship(SplittableRandom random, ZipParts base, String from) throws IOException {
            String rels = "xl/_rels/workbook.xml.rels";
            List<String> targets = new ArrayList<>();
            Matcher m = Pattern.compile("Target=\"([^\"]*)\"").matcher(base.text(rels));
            while (m.find()) {
                targets.add(m.group(1));
            }
            String target = targets.get(random.nextInt(targets.size()));
            boolean drop = random.nextBoolean();
            ZipParts changed = base.withText(rels, xml -> drop
                    ? xml.replaceFirst("<Relationship [^>]*Target=\"" + Pattern.quote(target) + "\"[^>]*/>", "")
                    : xml.replace("Target=\"" + target + "\"", "Target=\"worksheets/nothere.xml\""));
            return new Mutant(changed.bytes(false), from + ": relationship to " + target + (drop ? " removed" : " pointed nowhere"));
        }

        private static Mutant sharedTable(SplittableRandom random, ZipParts base, String from) throws IOException {
            String table = "xl/sharedStrings.xml";
            if (!base.parts().containsKey(table)) {
                return new Mutant(base.bytes(false), from + ": unchanged (no shared-text table)");
            }
            int keep = random.nextInt(10);
            ZipParts changed = base.withText(table, xml -> {
                int cut = xml.indexOf("<si>");
                for (int n = 0; n < keep && cut >= 0; n++) {
                    cut = xml.indexOf("<si>", cut + 1);
                }
                return cut < 0 ? xml : xml.substring(0, cut) + "</sst>";
            });
            return new Mutant(changed.bytes(false), from + ": shared-text table cut to " + keep + " entries");
        }

        /** Mangles a part's text: a tag dropped, a character inserted, or its end cut off. */
        private static Mutant text(SplittableRandom random, ZipParts base, String from, String part) throws IOException {
            String[] what = {from + ": " + part};
            ZipParts changed = base.withText(part, xml -> {
                if (xml.isEmpty()) {
                    return xml;
                }
                int at = random.nextInt(xml.length());
                return switch (random.nextInt(3)) {
                    case 0 -> {
                        int end = xml.indexOf('>', at);
                        int start = xml.lastIndexOf('<', at);
                        what[0] += " lost a tag at " + at;
                        yield start < 0 || end < 0 ? xml : xml.substring(0, start) + xml.substring(end + 1);
                    }
                    case 1 -> {
                        String c = pick(random, "<", "&", "\"", "\u0000", "é", ">", "x");
                        what[0] += " got '" + c + "' at " + at;
                        yield xml.substring(0, at) + c + xml.substring(at);
                    }
                    default -> {
                        what[0] += " cut at " + at;
                        yield xml.substring(0, at);
                    }
                };
            });
            return new Mutant(changed.bytes(false), what[0]);
        }
    }
}
