package gpuroi.workbook;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.XLSBUnsupportedException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an input workbook for reading only, or says in one line why the file is not one we can
 * read. The file is read through an InputStream so nothing can ever be written back to it.
 */
final class WorkbookFiles {
    private WorkbookFiles() {
    }

    static XSSFWorkbook open(Path file) throws WorkbookException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw WorkbookException.ofFile(name, "a folder", "an .xlsx workbook", name + " is a folder, not an .xlsx workbook");
        }
        FileMagic magic;
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                throw WorkbookException.ofFile(name, "an empty file", "an .xlsx workbook", name + " is empty, not an .xlsx workbook");
            }
        } catch (IOException e) {
            // Reported below, where the file is actually opened.
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (NoSuchFileException e) {
            throw WorkbookException.ofFile(name, "no file", "an .xlsx workbook at " + file.toAbsolutePath(),
                    name + " was not found (looked for " + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw WorkbookException.ofFile(name, "a file that cannot be read", "a readable .xlsx workbook",
                    name + " cannot be read: " + e.getMessage());
        }
        switch (magic) {
            case OLE2 -> throw ole2Problem(file, name);
            case OOXML -> {
                return openOoxml(file, name);
            }
            case BIFF2, BIFF3, BIFF4 -> throw WorkbookException.ofFile(name, "an Excel 2-4 file", "an .xlsx workbook",
                    name + " is an old Excel (2.x-4.x) file; save it as .xlsx");
            case PDF -> throw WorkbookException.ofFile(name, "a PDF file", "an .xlsx workbook", name + " is a PDF file, not an .xlsx workbook");
            case HTML, XML -> throw WorkbookException.ofFile(name, "an HTML or XML file", "an .xlsx workbook",
                    name + " is an HTML or XML file (perhaps a web export), not an .xlsx workbook; open it in Excel and save it as .xlsx");
            default -> throw WorkbookException.ofFile(name, "a file that is not a workbook", "an .xlsx workbook",
                    name + " is not an Excel workbook (it looks like " + (looksLikeText(file) ? "plain text or CSV" : "some other kind of file")
                            + "); open it in Excel and save it as .xlsx");
        }
    }

    private static WorkbookException ole2Problem(Path file, String name) {
        // An encrypted .xlsx is stored inside an OLE2 container, so the header alone cannot tell it from a .xls.
        boolean encrypted = false;
        try (InputStream in = Files.newInputStream(file); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            encrypted = fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            // Not a readable OLE2 container either; report it as an old-format file all the same.
        }
        if (encrypted) {
            return WorkbookException.ofFile(name, "a password-protected workbook", "an unencrypted .xlsx workbook",
                    name + " is password-protected; remove the password (File > Info > Protect Workbook) and save it again");
        }
        return WorkbookException.ofFile(name, "an Excel 97-2003 (.xls) file", "an .xlsx workbook",
                name + " is an Excel 97-2003 file; save it as .xlsx");
    }

    private static XSSFWorkbook openOoxml(Path file, String name) throws WorkbookException {
        Set<String> addedSheets = AddedSheetParts.of(file);
        PackageLimits.check(file, name, addedSheets);
        byte[] parsed = null;
        try {
            parsed = TrailingEmptyRows.trim(file, Files.readAllBytes(file), addedSheets);
            XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(parsed));
            MacroWorkbooks.refuse(workbook, name);
            try {
                DamagedCells.refuse(workbook, name);
            } catch (WorkbookException e) {
                workbook.close();
                throw e;
            }
            return workbook;
        } catch (IOException | RuntimeException e) {
            Optional<String> tooLarge = parsed == null ? Optional.empty() : PackageLimits.tooLargeToRead(file, parsed, e);
            if (tooLarge.isPresent()) {
                throw WorkbookException.ofFile(name, "a part too large to read", "an .xlsx workbook within gpu-roi's size limits",
                        name + " refused: " + tooLarge.get());
            }
            // Other zip-based formats fail here too; name them, and call anything else damaged.
            String otherFormat = otherZipFormat(file, e);
            if (otherFormat != null) {
                boolean spreadsheet = otherFormat.equals(ODS) || otherFormat.equals(XLSB);
                throw WorkbookException.ofFile(name, otherFormat, "an .xlsx workbook",
                        name + " is " + otherFormat + (spreadsheet ? "; save it as .xlsx" : ", not an Excel workbook"));
            }
            Optional<String[]> malformed = PackageParts.malformedPart(file);
            if (malformed.isPresent()) {
                String part = malformed.get()[0];
                String sheet = PackageParts.sheetNoted(file, part);
                throw WorkbookException.ofFile(name, "a damaged part " + part, "an .xlsx workbook whose parts are intact",
                        name + ": " + part + sheet + " is damaged: its XML breaks off or is not well-formed at " + malformed.get()[1]
                                + "; re-save the workbook from Excel or restore a copy");
            }
            return throwDamaged(name);
        }
    }

    /** "an OpenDocument spreadsheet (.ods)" or "an Excel binary workbook (.xlsb)", or null for anything else. */
    private static String otherZipFormat(Path file, Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XLSBUnsupportedException) {
                return XLSB;
            }
            if (t instanceof ODFNotOfficeXmlFileException) {
                return ODS;
            }
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("mimetype")) {
                    String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII);
                    if (type.startsWith("application/vnd.oasis.opendocument")) {
                        return type.contains("spreadsheet") ? ODS : "an OpenDocument file";
                    }
                }
                if (entry.getName().equals("xl/workbook.bin")) {
                    return XLSB;
                }
                if (entry.getName().startsWith("word/")) {
                    return "a Word document";
                }
                if (entry.getName().startsWith("ppt/")) {
                    return "a PowerPoint presentation";
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not even a readable zip: the caller reports it as damaged.
            return null;
        }
        return null;
    }

    private static final String ODS = "an OpenDocument spreadsheet (.ods)";
    private static final String XLSB = "an Excel binary workbook (.xlsb)";

    private static XSSFWorkbook throwDamaged(String name) throws WorkbookException {
        throw WorkbookException.ofFile(name, "a damaged or non-Excel zip file", "an .xlsx workbook",
                name + " is damaged or is not an Excel workbook (its zip content cannot be read as .xlsx); re-save it from Excel");
    }

    private static boolean looksLikeText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
