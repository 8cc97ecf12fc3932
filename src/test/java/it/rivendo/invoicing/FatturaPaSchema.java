package it.rivendo.invoicing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official FatturaPA 1.2.2 schema from {@code src/test/resources/fatturapa}, compiled
 * without network: the xmldsig import comes from the classpath and the XMLSchema DTD that
 * file names is answered with an empty one.
 */
final class FatturaPaSchema {

	private static final String FOLDER = "/fatturapa/";

	private static final Schema SCHEMA = compile();

	private FatturaPaSchema() {
	}

	/** The validation errors of a file; empty when it is valid. */
	static List<String> errors(byte[] xml) throws Exception {
		List<String> errors = new ArrayList<>();
		Validator validator = SCHEMA.newValidator();
		validator.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException ex) {
			}

			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}
		});
		validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		return errors;
	}

	private static Schema compile() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setResourceResolver(new OfflineResolver());
			URL main = FatturaPaSchema.class.getResource(FOLDER + "Schema_del_file_xml_FatturaPA_v1.2.2-local.xsd");
			return factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("FatturaPA schema not compiled", ex);
		}
	}

	/**
	 * Serves everything from the classpath; anything else (a DTD on the web) is an empty
	 * document.
	 */
	private static final class OfflineResolver implements LSResourceResolver {

		@Override
		public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
				String baseUri) {
			String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
			if (name.endsWith(".xsd")) {
				URL local = FatturaPaSchema.class.getResource(FOLDER + name);
				if (local != null) {
					return new Input(publicId, local.toExternalForm(), null);
				}
			}
			if (name.endsWith(".dtd")) {
				return new Input(publicId, systemId, "");
			}
			throw new IllegalStateException("Not available offline: " + systemId);
		}

	}

	private record Input(String publicId, String systemId, String text) implements LSInput {

		@Override
		public Reader getCharacterStream() {
			return text == null ? null : new StringReader(text);
		}

		@Override
		public void setCharacterStream(Reader characterStream) {
		}

		@Override
		public InputStream getByteStream() {
			try {
				return text == null ? new URL(systemId).openStream() : null;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void setByteStream(InputStream byteStream) {
		}

		@Override
		public String getStringData() {
			return null;
		}

		@Override
		public void setStringData(String stringData) {
		}

		@Override
		public String getSystemId() {
			return systemId;
		}

		@Override
		public void setSystemId(String systemId) {
		}

		@Override
		public String getPublicId() {
			return publicId;
		}

		@Override
		public void setPublicId(String publicId) {
		}

		@Override
		public String getBaseURI() {
			return null;
		}

		@Override
		public void setBaseURI(String baseURI) {
		}

		@Override
		public String getEncoding() {
			return null;
		}

		@Override
		public void setEncoding(String encoding) {
		}

		@Override
		public boolean getCertifiedText() {
			return false;
		}

		@Override
		public void setCertifiedText(boolean certifiedText) {
		}
	}

}
