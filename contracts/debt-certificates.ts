// Port through which appeals get a debt certificate (справка об отсутствии/наличии задолженности)
// from billing. Optional in AppDeps: without it the organisation answers the appeal with a file.

export interface DebtCertificateFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface DebtCertificates {
  /** The certificate of the account's debt as of the given date (YYYY-MM-DD, the house's calendar). */
  issue(input: { organisationId: string; accountId: string; asOf: string }): Promise<DebtCertificateFile>;
}
