package dev.sheetsync.sheets;

/** A layout that cannot work (unknown field, duplicate header, …); fails startup. */
public class SheetLayoutException extends IllegalArgumentException {

  public SheetLayoutException(String message) {
    super(message);
  }
}
