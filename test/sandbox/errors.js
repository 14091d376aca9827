'use strict';
// @ts-check

/** An HTTP error answered as `{ "error": message, "details"?: {...} }`. */
class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [details]
   * @param {Record<string, string>} [headers]
   */
  constructor(status, message, details, headers) {
    super(message);
    this.status = status;
    this.details = details;
    this.headers = headers;
  }

  toBody() {
    return this.details ? { error: this.message, details: this.details } : { error: this.message };
  }
}

/** @param {string} what e.g. 'Contact' → 404 `{"error":"Contact not found"}` */
const notFound = (what) => new ApiError(404, `${what} not found`);

module.exports = { ApiError, notFound };
