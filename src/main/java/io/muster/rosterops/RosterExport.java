package io.muster.rosterops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.Registration;
import io.muster.registration.RosterService;
import io.muster.registration.StatusChange;
import io.muster.session.TrainingSession;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's roster as an xlsx workbook: a header row, then one row per learner (their latest line). "Last change"
 * is a real date cell, in the session's time zone (spreadsheets have no zones), named in the header.
 */
@Service
public class RosterExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("Name", "Email", "Department", "Job role", "Location", "Status",
            "Method", "Last change");
    private static final int[] WIDTHS = {28, 34, 20, 20, 18, 18, 12, 20};

    private final RosterService roster;
    private final PeopleService people;

    RosterExport(RosterService roster, PeopleService people) {
        this.roster = roster;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public byte[] workbook(TrainingSession session) {
        ZoneId zone = session.getZone();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Roster");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String title = c == COLUMNS.size() - 1 ? COLUMNS.get(c) + " (" + zone.getId() + ")" : COLUMNS.get(c);
                head.createCell(c).setCellValue(title);
                head.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            // A learner who cancelled and booked again has several lines: the latest one speaks for them.
            Map<Long, Registration> latest = new LinkedHashMap<>();
            roster.rosterOf(session.getId()).forEach(r -> latest.merge(r.getPersonId(), r,
                    (a, b) -> b.getId() > a.getId() ? b : a));
            int rowIndex = 1;
            for (Registration r : latest.values()) {
                Person person = people.get(r.getPersonId());
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(person.getName());
                row.createCell(1).setCellValue(person.getEmail());
                row.createCell(2).setCellValue(orEmpty(person.getDepartment()));
                row.createCell(3).setCellValue(orEmpty(person.getJobRole()));
                row.createCell(4).setCellValue(orEmpty(person.getLocation()));
                row.createCell(5).setCellValue(r.getStatus().name());
                row.createCell(6).setCellValue(r.getMethod().name());
                List<StatusChange> history = r.getHistory();
                if (!history.isEmpty()) {
                    row.createCell(7).setCellValue(
                            history.get(history.size() - 1).getChangedAt().atZone(zone).toLocalDateTime());
                    row.getCell(7).setCellStyle(date);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, latest.size()), 0, COLUMNS.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the roster workbook", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
