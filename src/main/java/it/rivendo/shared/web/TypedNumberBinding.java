package it.rivendo.shared.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every binder reads decimal and whole numbers with {@link TypedNumberFormatters}, with
 * no more lenient reader behind it.
 */
@ControllerAdvice
class TypedNumberBinding {

	@InitBinder
	void typedNumbers(WebDataBinder binder) {
		TypedNumberFormatters.registerEditorsWith(binder);
	}

}
