package dev.sheetsync.emulator;

import java.util.List;
import java.util.Map;

/** The in-process {@link EmulatorControl}. */
final class LocalControl implements EmulatorControl {

  private final Workbooks workbooks;
  private final Traffic traffic;

  LocalControl(Workbooks workbooks, Traffic traffic) {
    this.workbooks = workbooks;
    this.traffic = traffic;
  }

  @Override
  public void faults(Faults faults) {
    traffic.faults(faults);
  }

  @Override
  public void clearFaults() {
    traffic.faults(Faults.NONE);
  }

  @Override
  public Faults currentFaults() {
    return traffic.currentFaults();
  }

  @Override
  public void quota(int writeRequestsPerMinute, int readRequestsPerMinute) {
    traffic.quotas(traffic.quotas().withPerUser(writeRequestsPerMinute, readRequestsPerMinute));
  }

  @Override
  public void quota(Quotas quotas) {
    traffic.quotas(quotas);
  }

  Quotas quotas() {
    return traffic.quotas();
  }

  @Override
  public void reset() {
    workbooks.clear();
    traffic.reset();
  }

  @Override
  public RequestCounts requestCounts() {
    return traffic.counts();
  }

  @Override
  public void setNotShared(String spreadsheetId, boolean notShared) {
    workbooks.setShared(spreadsheetId, !notShared);
  }

  @Override
  public void createSpreadsheet(
      String spreadsheetId, String title, Map<String, List<String>> tabs) {
    workbooks.ensure(spreadsheetId, title, tabs);
  }
}
