package io.muster.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before Muster sees them (an encoded slash, broken percent-encoding, an
 * address or headers beyond Tomcat's own limit) are answered here: problem+json on the API's paths,
 * a plain page in Muster's style on any other path, instead of Tomcat's report page. Everything that
 * reaches Muster is answered by {@link ErrorPages}.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(Report.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds Tomcat's valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat creates it by its class name when the host starts; public for that reason. */
    public static class Report extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            String title = status == null ? "Error" : status.getReasonPhrase();
            String detail = "The request could not be read: its address is malformed, or it or its headers are too large.";
            String uri = request.getRequestURI();
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                // a request line beyond Tomcat's limit leaves no address to go by: such requests come from
                // programs, not from people following links, so they get the API's kind of answer
                if (uri == null || uri.isEmpty() || ErrorPages.isApi(uri)) {
                    response.setContentType("application/problem+json");
                    write(response, "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code
                            + ",\"detail\":\"" + detail + "\"}");
                } else {
                    response.setContentType("text/html");
                    write(response, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>" + title + " - Muster</title><link rel=\"stylesheet\" href=\"/assets/css/muster.css\">"
                            + "</head><body><main id=\"main\" class=\"narrow\"><h1>" + title + "</h1><p>" + detail
                            + "</p><p><a href=\"/\">Back to the start page</a></p></main></body></html>");
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer was already under way: nothing more to say
            }
        }

        private static void write(Response response, String text) throws IOException {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(text);
                response.finishResponse();
            }
        }
    }
}
