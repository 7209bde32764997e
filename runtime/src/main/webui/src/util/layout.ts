import { useMediaQuery } from './media'

/** Staff screens switch to their phone layout (cards, one column, drawer navigation) below 768 px. */
export const usePhone = () => useMediaQuery('(max-width: 767px)')
