package dev.oponn.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Some requests are refused by Tomcat before any filter or servlet sees them: a header block over
 * {@code server.max-http-request-header-size}, a malformed request line. Tomcat then writes its own error report,
 * without Oponn's look or its security headers. This puts Oponn's error page and headers on those too. It replaces
 * the host's error report valve, so it runs only where nothing else has written a body.
 */
@Component
final class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final TemplateEngine templates;
    private final SecurityHeaders headers;

    ContainerErrorPage(TemplateEngine templates, SecurityHeaders headers) {
        this.templates = templates;
        this.headers = headers;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(Valve.class.getName());
            host.getPipeline().addValve(new Valve(this));
        });
    }

    /** After Spring Boot's own customizer, which adds a plain error report valve that this one must follow. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    String render(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known == null ? HttpStatus.BAD_REQUEST : known;
        StringOutput html = new StringOutput();
        templates.render(
                "error.jte",
                Map.of(
                        "page", Page.withoutForms(),
                        "status", status,
                        "title", ErrorPages.title(resolved),
                        "detail", ErrorPages.detail(resolved)),
                html);
        return html.toString();
    }

    static final class Valve extends ErrorReportValve {

        private final ContainerErrorPage page;

        Valve(ContainerErrorPage page) {
            this.page = page;
        }

        /** The same guard as Tomcat's: only an error status, only once, and only when nothing was written. */
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                page.headers.writeTo(response);
                response.setContentType("text/html;charset=UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(page.render(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response can no longer be written: nothing left to tell it.
            }
        }
    }
}
