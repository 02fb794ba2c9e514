package gpuroi.report;

import gpuroi.engine.FleetResult;
import java.util.Optional;
import gpuroi.engine.SensitivityFigures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the PDF file itself: fonts, metadata, paper, page numbers, reproducibility. */
class MemoPdfTest {
    private final MemoRenderer renderer = MemoRenderer.builtIn(Paper.A4);

    private byte[] clusterMemo(MemoRenderer r) throws Exception {
        return r.clusterMemo(MemoFixtures.analysis("worked-example"), SensitivityFigures.of(MemoFixtures.analysis("worked-example")), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT);
    }

    @Test
    void everyFontInTheMemosIsEmbedded() throws Exception {
        for (byte[] pdf : List.of(clusterMemo(renderer), renderer.portfolioMemo(MemoFixtures.portfolio("a", "b"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a", "b"))))) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        fonts.add(resources.getFont(name));
                    }
                }
                assertThat(fonts).isNotEmpty();
                assertThat(fonts).allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                });
            }
        }
    }

    @Test
    void chartsAreVectorDrawingsWithRealTextNotPictures() throws Exception {
        byte[] pdf = clusterMemo(renderer);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int forms = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().isImageXObject(name)).as(name.getName()).isFalse();
                    forms++;
                }
            }
            assertThat(forms).as("price path, cash flow and tornado").isEqualTo(3);
        }
        assertThat(MemoFixtures.flatText(pdf)).contains("Month from start", "payback 23.9 months", "Levelized cost $1.63/GPU-hr",
                "NPV at the 10.0% hurdle");
    }

    @Test
    void theMetadataNamesTheMemoTheToolAndTheValuationDate() throws Exception {
        try (PDDocument document = Loader.loadPDF(clusterMemo(renderer))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Investment memo: worked-example");
            assertThat(info.getSubject()).isEqualTo("RENT: 1 × H100 SXM, valued 2026-01-01");
            assertThat(info.getAuthor()).isEqualTo("gpu-roi 0.1.0-test");
            assertThat(info.getKeywords()).contains("GPU", "ROI", "H100 SXM", "RENT", "fleet.xlsx");
            Calendar created = info.getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.JANUARY);
            assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(1);
            assertThat(info.getModificationDate()).isEqualTo(info.getCreationDate());
        }
    }

    @Test
    void theSameInputsGiveByteIdenticalPdfs() throws Exception {
        byte[] first = clusterMemo(renderer);
        byte[] second = clusterMemo(MemoRenderer.builtIn(Paper.A4));
        assertThat(second).isEqualTo(first);

        byte[] portfolio = renderer.portfolioMemo(MemoFixtures.portfolio("a", "b"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a", "b")));
        assertThat(renderer.portfolioMemo(MemoFixtures.portfolio("a", "b"), List.of(), MemoFixtures.CONTEXT, MemoSelection.all(MemoFixtures.portfolio("a", "b")))).isEqualTo(portfolio);
    }

    @Test
    void memosRenderedTogetherOnSeveralThreadsEqualMemosRenderedOneByOne() throws Exception {
        var portfolio = MemoFixtures.portfolio("a", "b", "c", "d");
        List<byte[]> together = renderer.renderAll(FleetResult.of(portfolio), MemoFixtures.CONTEXT);

        assertThat(together).hasSize(5);
        assertThat(together.get(0)).isEqualTo(renderer.portfolioMemo(portfolio, List.of(), MemoFixtures.CONTEXT, MemoSelection.all(portfolio)));
        for (int i = 0; i < 4; i++) {
            assertThat(together.get(i + 1)).isEqualTo(renderer.clusterMemo(portfolio.clusters().get(i), SensitivityFigures.of(portfolio.clusters().get(i)), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT));
        }
    }

    @Test
    void euroYenAndTheMinusSignPrintWithTheEmbeddedFont() throws Exception {
        for (String currency : List.of("EUR", "JPY")) {
            var assumptions = new gpuroi.model.Assumptions(MemoFixtures.VALUATION, currency, 0.10, 0.10,
                    gpuroi.model.PricePath.ARTICLE_BLENDED, 0, 0);
            var analysis = gpuroi.engine.RoiEngine.analyze(MemoFixtures.workedExample("w"), assumptions);
            byte[] pdf = renderer.clusterMemo(analysis, SensitivityFigures.of(analysis), Optional.empty(), assumptions, MemoFixtures.CONTEXT);

            String symbol = currency.equals("EUR") ? "€" : "¥";
            assertThat(MemoFixtures.flatText(pdf)).contains("−" + symbol + "1,501", symbol + "2.16/GPU-hr");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDResources resources = document.getPage(0).getResources();
                for (COSName name : resources.getFontNames()) {
                    assertThat(resources.getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void differentMemosGetDifferentDocumentIds() throws Exception {
        try (PDDocument a = Loader.loadPDF(clusterMemo(renderer));
             PDDocument b = Loader.loadPDF(renderer.clusterMemo(MemoFixtures.analysis("other"), SensitivityFigures.of(MemoFixtures.analysis("other")), Optional.empty(), MemoFixtures.ASSUMPTIONS, MemoFixtures.CONTEXT))) {
            assertThat(a.getDocument().getDocumentID().toString()).isNotEqualTo(b.getDocument().getDocumentID().toString());
        }
    }

    @Test
    void pagesAreA4OrUsLetterAsAskedAndNumbered() throws Exception {
        try (PDDocument a4 = Loader.loadPDF(clusterMemo(renderer));
             PDDocument letter = Loader.loadPDF(clusterMemo(MemoRenderer.builtIn(Paper.LETTER)))) {
            assertThat(a4.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getHeight()).isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
            int pages = a4.getNumberOfPages();
            assertThat(MemoFixtures.text(clusterMemo(renderer))).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
        }
    }

    @Test
    void paperIsReadFromItsNameInAnyCase() {
        assertThat(Paper.parse("A4")).isEqualTo(Paper.A4);
        assertThat(Paper.parse("Letter")).isEqualTo(Paper.LETTER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Paper.parse("a3"))
                .hasMessageContaining("expected a4 or letter");
    }
}
