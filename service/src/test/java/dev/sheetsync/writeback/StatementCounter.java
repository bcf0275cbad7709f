package dev.sheetsync.writeback;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the DataSource to count SQL statements executed ({@code execute*} calls), for the
 * benchmark's "SQL statements per 100 items".
 */
final class StatementCounter implements BeanPostProcessor {

  static final AtomicLong EXECUTED = new AtomicLong();

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!(bean instanceof DataSource)) {
      return bean;
    }
    return proxy(bean, new Class<?>[] {DataSource.class, AutoCloseable.class});
  }

  private static Object proxy(Object target, Class<?>[] interfaces) {
    InvocationHandler handler =
        (p, method, args) -> {
          if (method.getName().startsWith("execute") && target instanceof Statement) {
            EXECUTED.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof Connection c && !(result instanceof Proxy)) {
            return proxy(c, new Class<?>[] {Connection.class});
          }
          if (result instanceof Statement s && !(result instanceof Proxy)) {
            return proxy(s, new Class<?>[] {statementType(s)});
          }
          return result;
        };
    return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces, handler);
  }

  private static Class<?> statementType(Statement s) {
    if (s instanceof java.sql.CallableStatement) {
      return java.sql.CallableStatement.class;
    }
    return s instanceof java.sql.PreparedStatement
        ? java.sql.PreparedStatement.class
        : Statement.class;
  }
}
