package it.rivendo.bulk.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row's problems as one text column: {@code field=message.key} pairs separated by
 * {@code ;} (field names and message keys never hold either).
 */
@Converter
class ProblemsConverter implements AttributeConverter<Map<String, String>, String> {

	@Override
	public String convertToDatabaseColumn(Map<String, String> problems) {
		StringBuilder text = new StringBuilder();
		problems.forEach((field, key) -> text.append(text.isEmpty() ? "" : ";").append(field).append('=').append(key));
		return text.toString();
	}

	@Override
	public Map<String, String> convertToEntityAttribute(String text) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String pair : text.split(";")) {
				int equals = pair.indexOf('=');
				problems.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return problems;
	}

}
