package io.muster.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the application's JDBC round trips per kind of thread (HTTP requests, the job executor,
 * the load generator calling the engine directly): each statement executed and each commit or
 * rollback is one trip to PostgreSQL. The data source every bean gets (the engine's too) is
 * wrapped, so nothing in the application changes.
 */
@TestConfiguration(proxyBeanMethods = false)
class JdbcRoundTrips {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> ENDS = Set.of("commit", "rollback");
    private static final Map<String, LongAdder> TRIPS = new ConcurrentHashMap<>();

    @org.springframework.context.annotation.Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? wrap(dataSource, DataSource.class) : bean;
            }
        };
    }

    /** The trips so far per kind of thread. */
    static Map<String, Long> snapshot() {
        Map<String, Long> now = new TreeMap<>();
        TRIPS.forEach((kind, count) -> now.put(kind, count.sum()));
        return now;
    }

    /** Trips between two snapshots for one kind of thread. */
    static long between(Map<String, Long> before, Map<String, Long> after, String kind) {
        return after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (EXECUTIONS.contains(method.getName()) || (target instanceof Connection && ENDS.contains(method.getName()))) {
                TRIPS.computeIfAbsent(CpuMeter.category(Thread.currentThread().getName()), k -> new LongAdder())
                        .increment();
            }
            return wrapped(result);
        };
        return (T) Proxy.newProxyInstance(JdbcRoundTrips.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object wrapped(Object result) {
        if (result instanceof CallableStatement s) {
            return wrap(s, CallableStatement.class);
        }
        if (result instanceof PreparedStatement s) {
            return wrap(s, PreparedStatement.class);
        }
        if (result instanceof Statement s) {
            return wrap(s, Statement.class);
        }
        if (result instanceof Connection c) {
            return wrap(c, Connection.class);
        }
        return result;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
