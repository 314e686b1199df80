package io.muster.rosterops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The roster downloaded as a workbook and read back with the spreadsheet library. */
@IntegrationTest
class RosterExportIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;

    private ResponseEntity<byte[]> download(String user, long session) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.passwordOf(user));
        return rest.exchange("/api/sessions/" + session + "/roster.xlsx", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
    }

    record Roster(String trainer, long session, String seated, String waiting) {
    }

    /** A one-seat session of a new trainer: Ada Lovelace has the seat, Grace Hopper waits. */
    private Roster seatedAndWaiting() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 1, true, false);
        String seated = fixtures.learner(Map.of("name", "Ada Lovelace", "department", "Engineering",
                "jobRole", "Analyst", "location", "Leeds"));
        String waiting = fixtures.learner(Map.of("name", "Grace Hopper", "department", "Sales",
                "jobRole", "Manager", "location", "York"));
        fixtures.book(seated, session);
        fixtures.book(waiting, session);
        return new Roster(trainer, session, seated, waiting);
    }

    @Test
    void theRosterWorkbookHasAHeaderAndOneTypedRowPerLearner() throws Exception {
        Roster roster = seatedAndWaiting();
        String trainer = roster.trainer();
        long session = roster.session();
        String seated = roster.seated();
        String waiting = roster.waiting();
        String returning = fixtures.learner(Map.of("name", "Alan Turing"));
        // cancelled, then booked again: one row, the latest line
        long first = fixtures.book(returning, session).body().get("id").asLong();
        assertThat(fixtures.act(returning, first, "cancel").status()).isEqualTo(200);
        assertThat(fixtures.book(returning, session).status()).isEqualTo(201);

        ResponseEntity<byte[]> response = download(trainer, session);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("roster-" + session + ".xlsx");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Roster");
            assertThat(text(sheet.getRow(0))).containsExactly("Name", "Email", "Department", "Job role", "Location",
                    "Status", "Method", "Last change (Europe/London)");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(text(sheet.getRow(1)).subList(0, 7)).containsExactly("Ada Lovelace", seated + "@example.org",
                    "Engineering", "Analyst", "Leeds", "REGISTERED", "SELF");
            assertThat(text(sheet.getRow(2)).subList(0, 7)).containsExactly("Grace Hopper", waiting + "@example.org",
                    "Sales", "Manager", "York", "WAITING_LIST", "SELF");
            assertThat(text(sheet.getRow(3)).subList(0, 7)).containsExactly("Alan Turing", returning + "@example.org",
                    "Operations", "Technician", "London", "WAITING_LIST", "SELF");
            for (int r = 1; r <= 3; r++) {
                Cell changed = sheet.getRow(r).getCell(7);
                assertThat(changed.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(changed)).isTrue();
                assertThat(changed.getLocalDateTimeCellValue()).isCloseTo(
                        LocalDateTime.now(ZoneId.of("Europe/London")), within(5, ChronoUnit.MINUTES));
            }
        }
    }

    /**
     * The workbook as LibreOffice reads it, not only POI that wrote it: converted to CSV by a
     * headless soffice. Skipped, saying so, where LibreOffice is not installed.
     */
    @Test
    void libreOfficeOpensTheWorkbookWithOneRowPerLearner() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        if (soffice.isEmpty()) {
            System.out.println("RosterExportIT: soffice (LibreOffice) is not on the PATH: skipping the check that"
                    + " LibreOffice opens the roster workbook. Install libreoffice-calc-nogui to run it.");
        }
        assumeTrue(soffice.isPresent(), "soffice (LibreOffice) is not on the PATH");
        Roster roster = seatedAndWaiting();
        String trainer = roster.trainer();
        long session = roster.session();
        String seated = roster.seated();
        String waiting = roster.waiting();
        byte[] workbook = download(trainer, session).getBody();

        Path dir = Files.createTempDirectory("roster-export");
        Path xlsx = Files.write(dir.resolve("roster.xlsx"), workbook);
        // a profile of its own, so a LibreOffice already open (or a read-only home) does not get in the way
        Process convert = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir.toString(),
                xlsx.toString()).redirectErrorStream(true).start();
        boolean finished = convert.waitFor(3, TimeUnit.MINUTES);
        String output = new String(convert.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            convert.destroyForcibly();
        }
        assertThat(finished).as("soffice did not finish: " + output).isTrue();
        Path csv = dir.resolve("roster.csv");
        assertThat(csv).as("soffice wrote no CSV: " + output).exists();

        List<List<String>> rows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .map(RosterExportIT::csvFields).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("Name", "Email", "Department", "Job role", "Location", "Status",
                "Method", "Last change (Europe/London)");
        assertThat(rows.get(1).subList(0, 7)).containsExactly("Ada Lovelace", seated + "@example.org", "Engineering",
                "Analyst", "Leeds", "REGISTERED", "SELF");
        assertThat(rows.get(2).subList(0, 7)).containsExactly("Grace Hopper", waiting + "@example.org", "Sales",
                "Manager", "York", "WAITING_LIST", "SELF");
        // LibreOffice shows the last change as a date in its number format, not as a serial number
        assertThat(LocalDateTime.parse(rows.get(1).get(7), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .isCloseTo(LocalDateTime.now(ZoneId.of("Europe/London")), within(5, ChronoUnit.MINUTES));
    }

    @Test
    void onlyAdminsEnrolmentManagersAndTheSessionsTrainerExport() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        String otherTrainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        String manager = api.createPerson(Api.unique("enrolmgr"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        String learner = fixtures.learner();
        long session = fixtures.sessionTrainedBy(trainer, 3, false, false);
        fixtures.book(learner, session);

        assertThat(download(manager, session).getStatusCode().value()).isEqualTo(200);
        assertThat(download(trainer, session).getStatusCode().value()).isEqualTo(200);
        assertThat(download(otherTrainer, session).getStatusCode().value()).isEqualTo(403);
        assertThat(download(learner, session).getStatusCode().value()).isEqualTo(403);
    }

    private static List<String> text(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "#"));
        return values;
    }

    /** One CSV line: fields split on commas, double quotes around a field (and doubled inside it) removed. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable)
                .findFirst();
    }
}
