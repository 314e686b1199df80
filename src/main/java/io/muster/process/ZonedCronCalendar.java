package io.muster.process;

import io.muster.common.Organisation;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Camunda evaluates cron timer cycles in the JVM's default time zone; "midnight" must be the
 * organisation's ({@code muster.zone}), whatever zone the server runs in. This plugin installs
 * a cycle calendar that evaluates cron expressions in that zone (across daylight-saving changes
 * too); ISO 8601 repeating intervals (R/...) are left to Camunda.
 */
@Component
class ZonedCronCalendar extends AbstractProcessEnginePlugin {

    private final ZoneId zone;

    ZonedCronCalendar(Organisation organisation) {
        this.zone = organisation.zone();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new Zoned(zone));
        configuration.setBusinessCalendarManager(calendars);
    }

    static final class Zoned extends CycleBusinessCalendar {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
            if (duedateDescription.startsWith("R")) {
                return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
            }
            Date from = startDate == null ? ClockUtil.getCurrentTime() : startDate;
            ZonedDateTime next = CronExpression.parse(duedateDescription).next(from.toInstant().atZone(zone));
            return next == null ? null : Date.from(next.toInstant());
        }
    }
}
