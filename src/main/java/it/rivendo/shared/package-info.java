/**
 * Small building blocks every module may use: money, Italian fiscal codes, web error
 * handling.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package it.rivendo.shared;
