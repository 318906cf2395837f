package org.openmineral.platform.web;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} endpoint the running application maps, read from Spring MVC's handler mapping,
 * so that tests over "every endpoint" follow the code as it grows.
 */
public record ApiEndpoints(List<Endpoint> all) {

  /** One method and path template, e.g. {@code POST /api/tasks/{key}/complete}. */
  public record Endpoint(String method, String template, Class<?> bodyType) {
    /** The path with every {@code {variable}} replaced by {@code value}. */
    public String path(final String value) {
      return template.replaceAll("\\{[^}]+}", value);
    }

    boolean hasBody() {
      return bodyType != null;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  public static ApiEndpoints of(final RequestMappingHandlerMapping mapping) {
    final List<Endpoint> endpoints = new ArrayList<>();
    for (final Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mapping.getHandlerMethods().entrySet()) {
      final Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (final String template : entry.getKey().getPatternValues()) {
        if (!template.startsWith("/api/")) {
          continue;
        }
        for (final RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(new Endpoint(method.name(), template, bodyType(entry.getValue())));
        }
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::toString));
    return new ApiEndpoints(List.copyOf(endpoints));
  }

  private static Class<?> bodyType(final HandlerMethod handler) {
    for (final Parameter parameter : handler.getMethod().getParameters()) {
      if (parameter.isAnnotationPresent(RequestBody.class)) {
        return parameter.getType();
      }
    }
    return null;
  }

  /** The JSON property names of every request body record, nested records included. */
  Set<String> bodyFieldNames() {
    final Set<String> names = new TreeSet<>();
    for (final Endpoint endpoint : all) {
      collect(endpoint.bodyType(), names, 0);
    }
    return names;
  }

  private static void collect(final Class<?> type, final Set<String> names, final int depth) {
    if (type == null || !type.isRecord() || depth > 4) {
      return;
    }
    for (final RecordComponent component : type.getRecordComponents()) {
      names.add(component.getName());
      collect(component.getType(), names, depth + 1);
    }
  }
}
