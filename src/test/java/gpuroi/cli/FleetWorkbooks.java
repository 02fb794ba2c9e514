package gpuroi.cli;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Small real workbooks for command-line tests, typed the way people type them. */
final class FleetWorkbooks {
    private FleetWorkbooks() {
    }

    /**
     * The worked example of worked-example.md as a one-row Fleet sheet below a title, with the cells
     * a test wants to vary (GPU count, capex, utilization) given as typed values.
     */
    static byte[] workedExample(String clusterId, Object gpus, Object capex, Object utilization) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Valuation date", "2026-01-01");
            row(assumptions, 2, "Discount rate", "10%");
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Our GPU fleet (worked example)");
            row(fleet, 2, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            row(fleet, 3, clusterId, "H100 SXM", gpus, capex, "Planned", 2, "10%", 1.0, 1.25, 0.10, 20,
                    utilization, "$2.00/hr", "blended:0.5:2");
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** A row of numbers (as numeric cells) and text (as text cells). */
    static void row(XSSFSheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }
}
