package it.rivendo.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a POST goes back to when the domain refuses it
 * ({@link it.rivendo.shared.Refusal}): a redirect to this page, with the refusal's
 * message as the flash {@code error}, as for a success (Post/Redirect/Get). The path may
 * use the handler's URI template variables, e.g. {@code "/admin/resellers/{id}"}.
 * Handlers whose form needs its typed values back (a refusal next to a field) catch the
 * refusal themselves and render the form again instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnRefusal {

	/** The page to go back to, a path inside the shop. */
	String value();

}
