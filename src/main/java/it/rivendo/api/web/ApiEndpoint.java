package it.rivendo.api.web;

/**
 * Marks the controllers of {@code /api/**}: {@link ApiErrorsAdvice} answers their errors
 * as problem details, and only theirs (the "API" page of the customer area is a page like
 * the others).
 */
interface ApiEndpoint {

}
