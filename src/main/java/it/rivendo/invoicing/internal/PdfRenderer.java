package it.rivendo.invoicing.internal;

import it.rivendo.shared.InLocale;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import it.rivendo.shared.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Level;
import org.springframework.stereotype.Component;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a document as PDF: the Thymeleaf template
 * {@code templates/invoicing/pdf/document.html} (well-formed XHTML) in Italian, the
 * language of the shop's fiscal documents, laid out by openhtmltopdf on PDFBox.
 */
@Component
public class PdfRenderer {

	static final Locale DOCUMENT_LOCALE = Locale.ITALY;

	private final TemplateEngine templates;

	private final Formats formats;

	private final SellerProperties properties;

	private final String baseUri;

	PdfRenderer(TemplateEngine templates, Formats formats, SellerProperties properties) {
		this.templates = templates;
		this.formats = formats;
		this.properties = properties;
		this.baseUri = baseUri();
		// openhtmltopdf logs every rendering step at INFO on its own console handler:
		// keep warnings only
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
	}

	public String fileName(InvoiceDocument document) {
		return document.number().replaceAll("[^A-Za-z0-9-]", "_") + ".pdf";
	}

	public byte[] render(InvoiceDocument document) {
		String html = html(document);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, baseUri);
			builder.withProducer("Rivendo");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PDF of " + document.number() + " not rendered", ex);
		}
		return out.toByteArray();
	}

	String html(InvoiceDocument document) {
		return InLocale.call(DOCUMENT_LOCALE, () -> {
			Context context = new Context(DOCUMENT_LOCALE);
			context.setVariable("doc", document);
			context.setVariable("totals", document.totals());
			context.setVariable("seller", properties.seller());
			context.setVariable("fmt", formats);
			return templates.process("invoicing/pdf/document", context);
		});
	}

	private static String baseUri() {
		try {
			return new ClassPathResource("templates/invoicing/pdf/").getURL().toExternalForm();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
