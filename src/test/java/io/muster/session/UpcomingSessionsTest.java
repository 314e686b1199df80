package io.muster.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.muster.session.UpcomingSessions.Audience;
import io.muster.session.UpcomingSessions.Upcoming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** When the calendar's shared snapshot is loaded again, and what a request gets from it. */
class UpcomingSessionsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final CalendarChanges changes = new CalendarChanges();
    private final UpcomingSessions upcoming = new UpcomingSessions(jdbc, changes, new CalendarSnapshotSettings(TTL));
    private final List<Upcoming> database = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void sessionsInTheDatabase() {
        database.add(session(1, T0.plusSeconds(1)));
        database.add(session(2, T0.plusSeconds(3600)));
        database.add(session(3, T0.plusSeconds(7200)));
        when(jdbc.query(contains("from training_session s join course"), any(RowMapper.class), any(Object[].class)))
                .thenAnswer(call -> List.copyOf(database));
    }

    @Test
    void requestsWithinTheTimeToLiveShareOneLoad() {
        assertThat(upcoming.scheduledAfter(T0)).hasSize(3);
        assertThat(upcoming.scheduledAfter(T0.plusMillis(900))).hasSize(3);
        verifyLoads(1);
    }

    @Test
    void aSessionThatStartedLeavesTheListWithoutALoad() {
        assertThat(upcoming.scheduledAfter(T0)).extracting(Upcoming::id).containsExactly(1L, 2L, 3L);
        assertThat(upcoming.scheduledAfter(T0.plusMillis(1500))).extracting(Upcoming::id).containsExactly(2L, 3L);
        verifyLoads(1);
    }

    @Test
    void aCommittedChangeOnThisNodeIsSeenByTheNextRequest() {
        upcoming.scheduledAfter(T0);
        database.remove(2);
        changes.changed(); // no transaction: counts at once
        assertThat(upcoming.scheduledAfter(T0.plusMillis(10))).extracting(Upcoming::id).containsExactly(1L, 2L);
        verifyLoads(2);
    }

    @Test
    void afterTheTimeToLiveTheNextRequestLoadsAgain() {
        upcoming.scheduledAfter(T0);
        database.remove(2);
        assertThat(upcoming.scheduledAfter(T0.plus(TTL))).extracting(Upcoming::id).containsExactly(2L);
        verifyLoads(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whileOneRequestReloadsAfterTheTimeToLiveTheOthersGoOnWithTheSnapshotTheyHave() throws Exception {
        upcoming.scheduledAfter(T0);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(jdbc.query(contains("from training_session s join course"), any(RowMapper.class), any(Object[].class)))
                .thenAnswer(call -> {
                    loading.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    return List.of(database.get(1));
                });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Upcoming>> reloading = threads.submit(() -> upcoming.scheduledAfter(T0.plus(TTL)));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(threads.submit(() -> upcoming.scheduledAfter(T0.plus(TTL).plusMillis(1))).get(2, TimeUnit.SECONDS))
                    .as("not held up by the load under way").extracting(Upcoming::id).containsExactly(2L, 3L);

            release.countDown();
            assertThat(reloading.get(5, TimeUnit.SECONDS)).extracting(Upcoming::id).containsExactly(2L);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aClockMovedBackLoadsAgain() {
        upcoming.scheduledAfter(T0);
        upcoming.scheduledAfter(T0.minusSeconds(30));
        verifyLoads(2);
    }

    private void verifyLoads(int times) {
        verify(jdbc, times(times)).query(contains("from training_session s join course"), any(RowMapper.class),
                any(Object[].class));
        // the visibility lists are read with every load, never on their own
        verify(jdbc, times(3 * times)).query(anyString(), any(org.springframework.jdbc.core.RowCallbackHandler.class),
                any(Object[].class));
    }

    private static Upcoming session(long id, Instant startsAt) {
        return new Upcoming(id, 10, "Course", "Session " + id, null, startsAt, startsAt.plusSeconds(3600),
                "Europe/London", 60, "IN_PERSON", "Room 1", null, "Terry Trainer", 10, 0, true, false, "SCHEDULED",
                new Audience(List.of(), List.of(), List.of()));
    }
}
