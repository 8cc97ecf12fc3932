package it.rivendo.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * The annotated string, when not blank, is a valid Italian code of the given kind. Blank
 * values pass: combine with {@code @NotBlank} where the field is required.
 */
@Documented
@Constraint(validatedBy = ItalianCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ItalianCode {

	Kind value();

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	enum Kind {

		PARTITA_IVA(ItalianCodes::isPartitaIva, "{validation.partitaIva}"),
		CODICE_FISCALE(ItalianCodes::isCodiceFiscale, "{validation.codiceFiscale}"),
		PERSON_CODICE_FISCALE(ItalianCodes::isPersonCodiceFiscale, "{validation.personCodiceFiscale}"),
		CAP(ItalianCodes::isCap, "{validation.cap}"), PROVINCE(ItalianCodes::isProvince, "{validation.province}"),
		CODICE_DESTINATARIO(ItalianCodes::isCodiceDestinatario, "{validation.codiceDestinatario}");

		private final Predicate<String> check;

		private final String message;

		Kind(Predicate<String> check, String message) {
			this.check = check;
			this.message = message;
		}

	}

	class Validator implements ConstraintValidator<ItalianCode, String> {

		private Kind kind;

		private boolean customMessage;

		@Override
		public void initialize(ItalianCode annotation) {
			this.kind = annotation.value();
			this.customMessage = !annotation.message().isEmpty();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank() || kind.check.test(value)) {
				return true;
			}
			if (!customMessage) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
			}
			return false;
		}

	}

}
