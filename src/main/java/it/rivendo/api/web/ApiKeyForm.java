package it.rivendo.api.web;

import it.rivendo.api.ApiScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Nuova chiave": a name to tell it apart, and what it may do. */
public class ApiKeyForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.tooLong}")
	private String name;

	@NotNull(message = "{api.key.scope.required}")
	private ApiScope scope;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ApiScope getScope() {
		return scope;
	}

	public void setScope(ApiScope scope) {
		this.scope = scope;
	}

}
