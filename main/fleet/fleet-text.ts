/** Text told to the fleet fits `FleetErrorTextSchema` (500 characters): longer reasons are cut, marked with an ellipsis. */
export function fleetText(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}
