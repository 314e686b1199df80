package io.muster.rosterops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    @Test
    void theRosterWorkbookHasAHeaderAndOneTypedRowPerLearner() throws Exception {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 1, true, false);
        String seated = fixtures.learner(Map.of("name", "Ada Lovelace", "department", "Engineering",
                "jobRole", "Analyst", "location", "Leeds"));
        String waiting = fixtures.learner(Map.of("name", "Grace Hopper", "department", "Sales",
                "jobRole", "Manager", "location", "York"));
        String returning = fixtures.learner(Map.of("name", "Alan Turing"));
        fixtures.book(seated, session);
        fixtures.book(waiting, session);
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
}
