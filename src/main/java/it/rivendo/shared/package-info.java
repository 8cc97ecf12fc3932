/**
 * Small building blocks every module may use: money, Italian fiscal codes, web error
 * handling.
 */
@ApplicationModule(type = Type.OPEN, allowedDependencies = {})
package it.rivendo.shared;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;
