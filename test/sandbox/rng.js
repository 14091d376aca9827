'use strict';
// @ts-check

/**
 * mulberry32: a tiny seedable 32-bit PRNG. Same seed → same sequence on every
 * Node version, which is what makes seeds and fault decisions reproducible.
 * @param {number} seed
 * @returns {() => number} floats in [0, 1)
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { mulberry32 };
