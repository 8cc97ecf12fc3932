package it.rivendo.shared.web;

import static it.rivendo.support.PageSliceData.RESELLER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.PageSliceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whole numbers in form fields, query parameters and path variables are read only by the
 * registered formatter: when it refuses the text, no lenient default
 * ({@link Long#decode}) reads {@code 0x10} or {@code #10} as 16 behind it.
 */
@PageSliceTest(WholeNumberBindingTests.Echo.class)
@Import(WholeNumberBindingTests.Echo.class)
class WholeNumberBindingTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "boxedLong", "boxedInteger", "primitiveLong", "primitiveInt" })
	void aFormFieldReadsPlainDigits(String field) throws Exception {
		mvc.perform(post("/echo/form").with(user(RESELLER)).with(csrf()).param(field, "16"))
			.andExpect(content().string(field + "=16"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "boxedLong", "boxedInteger", "primitiveLong", "primitiveInt" })
	void aFormFieldRefusesHexAndHashNumbers(String field) throws Exception {
		for (String typed : new String[] { "0x10", "#10", "0X10", "010x" }) {
			mvc.perform(post("/echo/form").with(user(RESELLER)).with(csrf()).param(field, typed))
				.andExpect(content().string("typeMismatch " + field));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/echo/param?boxed=0x10", "/echo/param?boxed=%2310", "/echo/param?primitive=0x10",
			"/echo/param?primitive=%2310", "/echo/path/0x10", "/echo/path/%2310" })
	void aParameterOrPathVariableRefusesHexAndHashNumbers(String url) throws Exception {
		mvc.perform(get(url).with(user(RESELLER))).andExpect(status().isBadRequest());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/echo/param?boxed=16", "/echo/param?primitive=16", "/echo/path/16" })
	void aParameterOrPathVariableReadsPlainDigits(String url) throws Exception {
		mvc.perform(get(url).with(user(RESELLER))).andExpect(status().isOk()).andExpect(content().string("16"));
	}

	@RestController
	static class Echo {

		@PostMapping("/echo/form")
		String form(@ModelAttribute WholeNumbers form, BindingResult binding) {
			if (binding.hasErrors()) {
				return binding.getFieldError().getCode() + " " + binding.getFieldError().getField();
			}
			return form.toString();
		}

		@GetMapping("/echo/param")
		String param(@RequestParam(required = false) Long boxed, @RequestParam(defaultValue = "0") long primitive) {
			return String.valueOf(boxed != null ? boxed : primitive);
		}

		@GetMapping("/echo/path/{id}")
		String path(@PathVariable int id) {
			return String.valueOf(id);
		}

	}

	static class WholeNumbers {

		private Long boxedLong;

		private Integer boxedInteger;

		private long primitiveLong;

		private int primitiveInt;

		public void setBoxedLong(Long boxedLong) {
			this.boxedLong = boxedLong;
		}

		public void setBoxedInteger(Integer boxedInteger) {
			this.boxedInteger = boxedInteger;
		}

		public void setPrimitiveLong(long primitiveLong) {
			this.primitiveLong = primitiveLong;
		}

		public void setPrimitiveInt(int primitiveInt) {
			this.primitiveInt = primitiveInt;
		}

		@Override
		public String toString() {
			if (boxedLong != null) {
				return "boxedLong=" + boxedLong;
			}
			if (boxedInteger != null) {
				return "boxedInteger=" + boxedInteger;
			}
			return primitiveLong != 0 ? "primitiveLong=" + primitiveLong : "primitiveInt=" + primitiveInt;
		}

	}

}
