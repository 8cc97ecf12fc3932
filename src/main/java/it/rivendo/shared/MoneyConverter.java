package it.rivendo.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/** Stores {@link Money} as {@code numeric(12,2)}. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

	@Override
	public BigDecimal convertToDatabaseColumn(Money money) {
		return money == null ? null : money.amount();
	}

	@Override
	public Money convertToEntityAttribute(BigDecimal value) {
		return value == null ? null : new Money(value);
	}

}
