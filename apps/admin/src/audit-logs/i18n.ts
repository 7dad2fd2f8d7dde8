export default { ja: {}, en: {} };
