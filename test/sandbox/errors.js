'use strict';
// @ts-check

/** An HTTP error answered as `{ "error": message, "details"?: {...} }`. */
class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [details]
   * @param {Record<string, string>} [headers]
   * @param {Record<string, unknown>} [extra] more top-level keys for the body, e.g. `{ code }`
   */
  constructor(status, message, details, headers, extra) {
    super(message);
    this.status = status;
    this.details = details;
    this.headers = headers;
    this.extra = extra;
  }

  toBody() {
    return { error: this.message, ...(this.extra || {}), ...(this.details ? { details: this.details } : {}) };
  }
}

/** @param {string} what e.g. 'Contact' → 404 `{"error":"Contact not found"}` */
const notFound = (what) => new ApiError(404, `${what} not found`);

module.exports = { ApiError, notFound };
