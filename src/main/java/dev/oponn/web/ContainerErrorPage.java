package dev.oponn.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Some requests are refused by Jetty before any filter or servlet sees them: a header block over
 * {@code server.max-http-request-header-size}, a malformed request line, an unknown method. Jetty then writes its
 * own error report, without Oponn's look or its security headers (and, by default, with the exception's message).
 * This puts Oponn's error page and headers on those too. Errors inside the application never reach it: Spring
 * Boot dispatches them to {@code /error}, which {@link ErrorResponses} answers. A client that does not ask for HTML
 * gets a {@link ProblemDocument} here too, when Jetty could read the headers far enough to know.
 */
@Component
final class ContainerErrorPage implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private final TemplateEngine templates;
    private final SecurityHeaders headers;
    private final Languages languages;

    /** Looked up when a refusal happens: the web server is built before the meter registry should be. */
    private final ObjectProvider<ClientErrorLog> clientErrors;

    ContainerErrorPage(
            TemplateEngine templates,
            SecurityHeaders headers,
            Languages languages,
            ObjectProvider<ClientErrorLog> clientErrors) {
        this.templates = templates;
        this.headers = headers;
        this.languages = languages;
        this.clientErrors = clientErrors;
    }

    /**
     * A client error is counted and aggregated like the application's ({@link ClientErrorLog}). The container's few
     * 5xx answers (505 for an unknown protocol, 501 for an unknown method) refuse what a stranger sent, not a fault
     * of Oponn's, and are not logged.
     */
    void record(int status, String pathTemplate) {
        if (status >= 400 && status <= 499) {
            clientErrors.getObject().record(status, pathTemplate);
        }
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.setErrorHandler(new Handler(this)));
    }

    byte[] render(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known == null || !known.isError() ? HttpStatus.BAD_REQUEST : known;
        StringOutput html = new StringOutput();
        templates.render(
                "error.jte",
                Map.of(
                        // Refused before Spring could read the request, often unreadable: no language to go by.
                        "page", Page.withoutForms(languages.localizer(Locale.ENGLISH)),
                        "status", status,
                        "title", ErrorPages.title(resolved),
                        "detail", ErrorPages.detailText(resolved)),
                html);
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Handler extends ErrorHandler {

        private final ContainerErrorPage page;

        Handler(ContainerErrorPage page) {
            this.page = page;
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        /**
         * A request Jetty could parse far enough to build, refused before the application: the page for a browser,
         * a problem document for a client that does not ask for HTML, as {@link ErrorResponses} decides.
         */
        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            page.record(
                    code,
                    PathTemplate.of(
                            Objects.requireNonNullElse(request.getHttpURI().getPath(), "")));
            if (asksForHtml(request)) {
                response.write(true, page(code, response.getHeaders()), callback);
            } else {
                page.headers.writeTo(response.getHeaders()::put);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDocument.MEDIA_TYPE.toString());
                response.write(true, ByteBuffer.wrap(ProblemDocument.of(code).json()), callback);
            }
        }

        /** A request Jetty could not parse at all (an oversized header block, a broken request line). */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            // The request line may not have been read: no path to give even the shape of.
            page.record(status, "*");
            return page(status, fields);
        }

        /**
         * As Spring MVC picks {@code /error}'s HTML handler: the client names HTML among what it accepts
         * ({@code *}{@code /*} alone, or no {@code Accept}, is a script). When Jetty could not read the headers at
         * all (a block over its limit, a broken request line), nothing says who asks: those get the page, which is
         * what a browser with oversized cookies needs, as does an unreadable {@code Accept}.
         */
        private static boolean asksForHtml(Request request) {
            if (request.getHeaders().size() == 0) {
                return true;
            }
            List<String> accept = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
            if (accept.isEmpty()) {
                return false;
            }
            try {
                return MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.getQualityValue() > 0
                                && (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
                                        || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type)));
            } catch (InvalidMediaTypeException e) {
                return true;
            }
        }

        /** Puts the security headers and content type on {@code fields}; returns the page's body. */
        private ByteBuffer page(int status, HttpFields.Mutable fields) {
            page.headers.writeTo(fields::put);
            fields.put(HttpHeader.CONTENT_TYPE, "text/html;charset=UTF-8");
            return ByteBuffer.wrap(page.render(status));
        }
    }
}
