// Every date in the archive is a calendar date in Chongqing's zone; naming it once keeps UTC out by accident.
export const SHANGHAI = 'Asia/Shanghai';
