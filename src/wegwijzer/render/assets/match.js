/* Matching what people type to a municipality, over the finder's first file (loket.json): the same
   rules as wegwijzer.render.finder.find. Used by the finder and by "Waar woont u?" on every page. */
window.Wegwijzer = window.Wegwijzer || {};
window.Wegwijzer.match = (function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function sortKey(name) {
    return normalise(name.toLowerCase().replace(/^['\u2019](s|t)[ -]/, ""));
  }

  /* The id a municipality's name gives, as wegwijzer.render.finder_index.derived_id. */
  function derivedId(name) {
    return normalise(name).split(" ").join("-");
  }

  function pairs(flat) {
    const ranges = [];
    for (let i = 0; i + 1 < flat.length; i += 2) ranges.push([flat[i], flat[i + 1]]);
    return ranges;
  }

  /* m: [name, phone, [from, to, ...], id or 0 (derived from the name), website, names people use,
     towns, shared postcodes, regional offices] (see finder_index.py). */
  function places(data) {
    const offices = data.r.map((r) => ({
      organisation: r[0], name: r[1], phone: r[2], website: r[3], hours: r[4].map((i) => data.h[i]),
      organisationName: r[5],
    }));
    return data.m.map((m, position) => ({
      name: m[0], phone: m[1], ranges: pairs(m[2]), id: m[3] || derivedId(m[0]), website: m[4],
      position: position,
      key: normalise(m[0]), sortKey: sortKey(m[0]),
      aliases: m[5] ? m[5].split("|").map(normalise) : [],
      towns: m[6] ? m[6].split("|").map(normalise) : [],
      shared: m[7] || [],
      regional: (m[8] || []).map((i) => offices[i]),
    }));
  }

  function postcode(query) {
    const match = /^(\d{4})(?: ?[a-z]{2})?$/.exec(normalise(query));
    return match ? Number(match[1]) : null;
  }

  /* b is a with at most one letter added, left out, changed, or two letters swapped. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    if (a.length > b.length) [a, b] = [b, a];
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    if (a.length === b.length) {
      const swapped = i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
      return a.slice(i + 1) === b.slice(i + 1) || swapped;
    }
    return a.slice(i) === b.slice(i + 1);
  }

  /* The same tiers as wegwijzer.render.finder.match_tier. */
  function tierOf(p, wanted) {
    if (p.key.startsWith(wanted) || p.sortKey.startsWith(wanted)) return 0;
    const starts = (n) => n.startsWith(wanted) || n.split(" ").some((word) => word.startsWith(wanted));
    if ([p.key].concat(p.aliases).some(starts)) return 1;
    if (p.towns.some((town) => town.startsWith(wanted))) return 2;
    if (p.key.includes(wanted)) return 3;
    return null;
  }

  function typoTier(p, wanted) {
    const sizes = [wanted.length - 1, wanted.length, wanted.length + 1];
    const groups = [[0, [p.key]], [1, p.aliases], [2, p.towns]];
    for (const [tier, terms] of groups) {
      for (const term of terms) {
        if (sizes.some((size) => withinOneEdit(wanted, term.slice(0, size)))) return tier;
      }
    }
    return null;
  }

  /* The same order as wegwijzer.render.finder.by_postcode: the place whose ranges hold the
     postcode (most addresses there), then those that share it. */
  function byPostcode(all, number) {
    const holders = all.filter((p) => p.ranges.some((r) => r[0] <= number && number <= r[1]));
    return holders.concat(all.filter((p) => p.shared.includes(number)));
  }

  /* all: places() in A–Z order. */
  function find(all, query, typoMin) {
    const number = postcode(query);
    if (number !== null) return byPostcode(all, number);
    const wanted = normalise(query);
    if (!wanted) return [];
    const ranked = [];
    all.forEach((p, position) => {
      const tier = tierOf(p, wanted);
      if (tier !== null) ranked.push([tier, position, p]);
    });
    if (!ranked.length && wanted.length >= typoMin) {
      all.forEach((p, position) => {
        const tier = typoTier(p, wanted);
        if (tier !== null) ranked.push([tier, position, p]);
      });
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return ranked.map((r) => r[2]);
  }

  return { normalise, sortKey, places, postcode, find };
})();
